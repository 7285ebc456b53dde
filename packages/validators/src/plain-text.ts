import { z } from "zod";

// Every string a client sends, in any procedure, is checked once for control characters before
// its schema runs (packages/api/src/trpc.ts). PostgreSQL refuses NUL in text, which surfaced as
// a 500; the other C0 controls have no place in a shop's text either (they corrupt CSV exports,
// logs and emails). Tab, line feed and carriage return stay allowed: descriptions, reviews and
// notes have several lines.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export const CONTROL_CHARACTER_MESSAGE = "Remove the control character (such as NUL) from this text";

export const hasControlCharacter = (text: string) => CONTROL.test(text);

export type InputPath = Array<string | number>;

type Step = { key: string | number; parent: Step | null };

const pathOf = (step: Step | null): InputPath => {
  const path: InputPath = [];
  for (let at = step; at; at = at.parent) path.unshift(at.key);
  return path;
};

/**
 * Where `value` (a request's whole input: objects, arrays, Maps, Sets) holds a string with a
 * control character, as paths from its root; an object key with one counts too. Iterative and
 * linear in the input's size (paths are built only for findings), so a deeply nested input
 * cannot overflow the stack or take quadratic time; stops after `limit` findings.
 */
export function controlCharacterPaths(value: unknown, limit = 10): InputPath[] {
  const found: InputPath[] = [];
  const stack: Array<[unknown, Step | null]> = [[value, null]];
  const seen = new Set<object>();
  for (let next = stack.pop(); next && found.length < limit; next = stack.pop()) {
    const [node, step] = next;
    if (typeof node === "string") {
      if (hasControlCharacter(node)) found.push(pathOf(step));
      continue;
    }
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    const entries: Iterable<[unknown, unknown]> =
      node instanceof Map ? node.entries() : node instanceof Set ? [...node].entries() : Object.entries(node);
    for (const [key, child] of entries) {
      const name = typeof key === "string" || typeof key === "number" ? key : String(key);
      const childStep = { key: Array.isArray(node) ? Number(name) : name, parent: step };
      if (typeof key === "string" && hasControlCharacter(key)) found.push(pathOf(childStep));
      stack.push([child, childStep]);
    }
  }
  return found;
}

/**
 * Any input whatsoever, refused with an issue at each string that holds a control character.
 * The API runs it on every procedure's raw input (one middleware), so no schema can forget it.
 */
export const PlainTextInputSchema = z.unknown().superRefine((input, ctx) => {
  for (const path of controlCharacterPaths(input))
    ctx.addIssue({ code: "custom", path, message: CONTROL_CHARACTER_MESSAGE, input });
});
