import { describe, expect, it } from "vitest";
import { StockAdjustSchema, validateStockCsv } from "./inventory.ts";

describe("stock adjustments", () => {
  it("ties the sign of the change to its reason", () => {
    const adjust = (reason: string, delta: number) =>
      StockAdjustSchema.safeParse({ variantId: 1, reason, delta }).success;
    expect([
      adjust("RESTOCK", 5),
      adjust("RESTOCK", -5),
      adjust("RETURN", -1),
      adjust("DAMAGE", -2),
      adjust("DAMAGE", 2),
    ]).toEqual([true, false, false, true, false]);
    expect([adjust("CORRECTION", -3), adjust("CORRECTION", 3), adjust("CORRECTION", 0), adjust("SALE", 1)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(StockAdjustSchema.parse({ variantId: 1, reason: "RESTOCK", delta: 1, note: "  " }).note).toBeNull();
  });
});

describe("stock CSV", () => {
  it("reads quantity or delta per row, in any column order, with optional columns left out", () => {
    expect(validateStockCsv("delta,SKU\n+4,A-1\n-2,B-2\n")).toEqual({
      rows: [
        { sku: "A-1", quantity: null, delta: 4, note: "", line: 2 },
        { sku: "B-2", quantity: null, delta: -2, note: "", line: 3 },
      ],
      errors: [],
    });
    expect(validateStockCsv("sku,quantity,note\nA-1,0,Empty shelf\n").rows).toEqual([
      { sku: "A-1", quantity: 0, delta: null, note: "Empty shelf", line: 2 },
    ]);
  });

  it("reports headers, cells and repeated SKUs by line and column", () => {
    expect(validateStockCsv("sku,amount\nA,1\n").errors).toEqual([
      { row: 1, column: "quantity", message: "Add a quantity or a delta column" },
    ]);
    expect(validateStockCsv("sku,quantity\n").errors).toEqual([
      { row: 1, column: "", message: "The file has no rows" },
    ]);
    const { errors } = validateStockCsv("sku,quantity,delta\nA,1.5,\nB,,\nC,3,1\nD,,0\na,2,\n");
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "quantity", "Use a whole number of units"],
      [3, "quantity", "Give a quantity or a delta"],
      [4, "delta", "Give a quantity or a delta, not both"],
      [5, "delta", "A delta of zero changes nothing"],
    ]);
    expect(validateStockCsv("sku,quantity\nA,1\nB,2\na,3\n").errors).toEqual([
      { row: 4, column: "sku", message: "Also on line 2" },
    ]);
  });
});
