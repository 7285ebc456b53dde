import type { z } from "zod";

/** Raw SQL rows are validated, not cast: a renamed column fails loudly here. */
export async function parseRows<S extends z.ZodType>(schema: S, rows: Promise<unknown>): Promise<z.output<S>[]> {
  const result: unknown = await rows;
  if (!Array.isArray(result)) throw new Error("expected rows from a raw query");
  return result.map((row) => schema.parse(row));
}
