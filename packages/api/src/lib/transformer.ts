import { TRPCError } from "@trpc/server";
import superjson, { type SuperJSONResult } from "superjson";

// Inputs arrive as superjson envelopes (`{"json": …, "meta": …}`) that anyone can forge.
// superjson trusts its meta: an unknown type, a Map built from a number, a path through
// `__proto__` or an annotation tree thousands of levels deep make it throw whatever its internals
// throw (a TypeError, "Maximum call stack size exceeded"). Every such envelope is one plain 400
// here, for tRPC's handler and the server's fast paths alike, which both call this.

export const MALFORMED_INPUT = 'The input is malformed: send it as a superjson envelope {"json": …}';

const MAX_META_NODES = 10_000;
const MAX_META_DEPTH = 64;
const FORBIDDEN_KEY = /(^|\.)(__proto__|prototype|constructor)(\.|$)/;

function malformed(): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: MALFORMED_INPUT });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Bounds the annotation trees and refuses prototype paths, without recursion. */
function checkMeta(meta: unknown) {
  if (meta === undefined) return;
  if (!isRecord(meta) || Object.keys(meta).some((key) => !["values", "referentialEqualities", "v"].includes(key)))
    throw malformed();
  const stack: Array<[unknown, number]> = [
    [meta.values, 0],
    [meta.referentialEqualities, 0],
  ];
  let nodes = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (++nodes > MAX_META_NODES || depth > MAX_META_DEPTH) throw malformed();
    if (typeof node === "string" && FORBIDDEN_KEY.test(node)) throw malformed();
    if (Array.isArray(node)) for (const child of node) stack.push([child, depth + 1]);
    else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (FORBIDDEN_KEY.test(key)) throw malformed();
        stack.push([child, depth + 1]);
      }
    }
  }
}

/** The shape superjson reads, with its annotations bounded; anything else is refused. */
function isEnvelope(payload: unknown): payload is SuperJSONResult {
  if (!isRecord(payload) || Object.keys(payload).some((key) => key !== "json" && key !== "meta")) throw malformed();
  checkMeta(payload.meta);
  return true;
}

/** superjson's deserialize, answering anything it cannot read with BAD_REQUEST. */
export function deserializeInput(payload: unknown): unknown {
  if (!isEnvelope(payload)) throw malformed();
  try {
    return superjson.deserialize(payload);
  } catch {
    throw malformed();
  }
}

/** The router's transformer: superjson out, a guarded superjson in. The wire format is unchanged. */
export const transformer = {
  input: { serialize: superjson.serialize, deserialize: deserializeInput },
  output: superjson,
};
