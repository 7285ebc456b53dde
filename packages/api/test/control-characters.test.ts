import type { AnyProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPaths } from "@shop/validators";
import { appRouter } from "../src/root.ts";
import { callerFor, setupTestShop } from "./support.ts";

// Every string field of every procedure's input schema, found by walking the schemas of the
// router: a NUL in it is a 400 naming the field, and nothing changes. A procedure or field added
// tomorrow is covered without touching this file.

type Path = Array<string | number>;

const isProcedure = (value: unknown): value is AnyProcedure => typeof value === "function" && "_def" in value;
const procedures = Object.entries(appRouter._def.procedures).flatMap(([path, value]: [string, unknown]) =>
  isProcedure(value) ? [[path, value] as const] : [],
);

/** The paths of the string fields a schema accepts (through optionals, unions, arrays…). */
function stringPaths(schema: unknown, path: Path = [], depth = 0): Path[] {
  if (!(schema instanceof z.ZodType) || depth > 12) return [];
  const inner = (next: unknown, at: Path = path) => stringPaths(next, at, depth + 1);
  if (schema.def.type === "string") return [path];
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape).flatMap(([key, field]) => inner(field, [...path, key]));
  if (schema instanceof z.ZodArray) return inner(schema.element, [...path, 0]);
  if (schema instanceof z.ZodRecord) return inner(schema.valueType, [...path, "key"]);
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((option) => inner(option));
  if (schema instanceof z.ZodIntersection) return [...inner(schema.def.left), ...inner(schema.def.right)];
  if (schema instanceof z.ZodPipe) return inner(schema.in);
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodCatch ||
    schema instanceof z.ZodNonOptional
  )
    return inner(schema.def.innerType);
  if (schema instanceof z.ZodLazy) return inner(schema.def.getter());
  return [];
}

/** An input holding only `value` at `path`. */
function inputAt(path: Path, value: string): unknown {
  return path.reduceRight<unknown>((child, step) => (typeof step === "number" ? [child] : { [step]: child }), value);
}

function call(caller: object, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) {
    target =
      target && (typeof target === "object" || typeof target === "function") ? Reflect.get(target, part) : undefined;
  }
  if (typeof target !== "function") throw new Error(`no procedure at ${path}`);
  return Promise.resolve(target(input));
}

const cases = procedures.flatMap(([path, procedure]) => {
  const inputs: unknown[] = procedure._def.inputs;
  const fields = inputs.flatMap((schema) => stringPaths(schema));
  const unique = [...new Map(fields.map((field) => [field.join("."), field])).values()];
  return unique.map((field) => [path, field] as const);
});

describe("control characters in any text input", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let fingerprint: () => Promise<string>;
  beforeAll(async () => {
    shop = await setupTestShop();
    const make = shop.make;
    await make.product({ variants: [{ price: 1_000, stock: 5 }] });
    await make.user({ role: "CUSTOMER", email: "someone@example.com" });
    // Every row of every table (sessions aside: signing callers in writes them).
    fingerprint = async () => {
      const tables = z
        .array(z.object({ name: z.string() }))
        .parse(
          await shop.db.sql.query(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('Session', '_prisma_migrations') ORDER BY 1`,
          ),
        );
      const sums = [];
      for (const { name } of tables) {
        const rows = await shop.db.sql.query(
          `SELECT md5(coalesce(string_agg(t::text, '|'), '')) AS sum FROM "${name}" t`,
        );
        sums.push(`${name}:${JSON.stringify(rows)}`);
      }
      return sums.join("\n");
    };
  });
  afterAll(() => shop.db.close());

  it("finds string fields in most of the router", () => {
    expect(new Set(cases.map(([path]) => path)).size).toBeGreaterThan(50);
    expect(cases.length).toBeGreaterThan(150);
  });

  it("finds control characters anywhere in an input, keys included, and nothing in clean text", () => {
    expect(controlCharacterPaths({ a: ["ok", "b\u0000"], "k\u0007": 1, m: new Map([["x", "\u001f"]]) })).toEqual(
      expect.arrayContaining([["a", 1], ["k\u0007"], ["m", "x"]]),
    );
    expect(controlCharacterPaths({ body: "two\nlines\twith tab\r\n", n: 1, d: new Date() })).toEqual([]);
  });

  it("a NUL in any string field of any procedure is a 400 naming the field, and changes nothing", async () => {
    const admin = await shop.make.user({ role: "ADMIN" });
    const { caller } = await callerFor(shop.prisma, { userId: admin.id });
    const before = await fingerprint();
    const failures: string[] = [];
    for (const [path, field] of cases) {
      const outcome = await call(caller, path, inputAt(field, "bad\u0000text")).then(
        () => "accepted",
        (error: unknown) => error,
      );
      const named =
        outcome instanceof TRPCError &&
        outcome.code === "BAD_REQUEST" &&
        outcome.cause instanceof z.ZodError &&
        outcome.cause.issues.some(
          (issue) => issue.message === CONTROL_CHARACTER_MESSAGE && issue.path.join(".") === field.join("."),
        );
      if (!named) failures.push(`${path} ${field.join(".")}: ${outcome instanceof Error ? outcome.message : outcome}`);
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });
});
