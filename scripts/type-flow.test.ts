import { cpus } from "node:os";
import { describe, expect, it } from "vitest";
import { checkRename, pooled, type FlowResult, type Rename } from "./type-flow.ts";

// Every field a shopper or a staff member sees, renamed with its column: the compiler must
// point at the screens of each app that shows it, not only at the API or generated code.
const cases: Array<Rename & { apps: Array<"storefront" | "admin"> }> = [
  { model: "Product", field: "name", apps: ["storefront", "admin"] },
  { model: "Product", field: "slug", apps: ["storefront", "admin"] },
  { model: "Variant", field: "price", apps: ["storefront", "admin"] },
  { model: "Variant", field: "compareAtPrice", apps: ["storefront", "admin"] },
  { model: "Order", field: "total", apps: ["storefront", "admin"] },
  { model: "Order", field: "number", apps: ["storefront", "admin"] },
  { model: "Review", field: "rating", apps: ["storefront", "admin"] },
  { model: "User", field: "email", apps: ["storefront", "admin"] },
];

describe("types flow from schema.prisma to the screens", () => {
  // All renames at once, a few at a time (each is a generation and one type-check of both apps).
  const results = pooled(cases, Math.max(2, cpus().length), (rename) => checkRename(rename));

  it.each(cases.map((rename, index) => ({ ...rename, index, name: `${rename.model}.${rename.field}` })))(
    "renaming $name fails in the screens that show it",
    async ({ index, apps }) => {
      const result: FlowResult | undefined = await results[index];
      expect(result?.generated, result?.output).toBe(true);
      const files = result?.files ?? [];
      for (const app of apps) {
        const own = files.filter((file) => file.startsWith(`apps/${app}/src/`));
        expect(own, `${app} has no error; files with errors:\n${files.join("\n")}`).not.toEqual([]);
      }
      expect(files.filter((file) => !file.includes("/generated/"))).not.toEqual([]);
    },
    // Under load the queue of renames can be long; nothing here depends on timing.
    1_800_000,
  );
});
