import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as enums from "@shop/db/enums";
import { describe, expect, it } from "vitest";
import { PaymentStatusFilterSchema, ProductStatusSchema, ReviewStatusSchema, RoleSchema } from "./index.ts";

// The schema's enums reach validators, services and screens from one place, the generated
// `@shop/db/enums`. A hand-written list of all of an enum's values is a copy that drifts when a
// value is added: none may exist in our sources.

const root = join(import.meta.dirname, "../../..");
// `@shop/webhooks` is exempt: its payload types are the public contract with integrators, written
// out on purpose so that they change only by decision (webhooks.test.ts checks them against the
// payloads the database builds).
const sourceDirs = ["packages", "apps"].flatMap((top) =>
  readdirSync(join(root, top))
    .filter((name) => !(top === "packages" && name === "webhooks"))
    .map((name) => join(root, top, name, "src")),
);

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const enumValues = Object.entries(enums).map(([name, values]) => ({ name, values: new Set(Object.values(values)) }));

describe("enums from the Prisma schema", () => {
  it("back the validators", () => {
    expect(ProductStatusSchema.options).toEqual(Object.values(enums.ProductStatus));
    expect(PaymentStatusFilterSchema.options).toEqual(Object.values(enums.OrderPaymentStatus));
    expect(ReviewStatusSchema.options).toEqual(Object.values(enums.ReviewStatus));
    expect(RoleSchema.options).toEqual(Object.values(enums.Role));
  });

  it("are never copied by hand", () => {
    expect(enumValues.length).toBeGreaterThan(5);
    const copies: string[] = [];
    for (const file of sourceDirs.flatMap(sourceFiles)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\[\s*(?:"[A-Z_]+"\s*,\s*)+"[A-Z_]+"\s*,?\s*\]/g)) {
        const listed = new Set(match[0].match(/[A-Z_]+/g));
        const copied = enumValues.find(
          ({ values }) => values.size === listed.size && [...values].every((value) => listed.has(value)),
        );
        if (copied) copies.push(`${relative(root, file)}: ${copied.name} ${match[0].replace(/\s+/g, " ")}`);
      }
    }
    expect(copies).toEqual([]);
  });
});
