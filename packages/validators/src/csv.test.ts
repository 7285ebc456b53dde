import { describe, expect, it } from "vitest";
import { csvCell, csvColumnIndex, parseCsv, PRODUCT_CSV_COLUMNS, validateCsvRow } from "./csv.ts";

describe("CSV", () => {
  it("parses quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
    expect(parseCsv("\ufeffa,,c")).toEqual([["a", "", "c"]]);
  });

  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK()")).toBe("'=HYPERLINK()");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(null)).toBe("");
  });

  it("reports each bad cell by line and column, and parses money without floating point", () => {
    const { index, errors } = csvColumnIndex([...PRODUCT_CSV_COLUMNS]);
    expect(errors).toEqual([]);
    const cells = PRODUCT_CSV_COLUMNS.map(
      (column) =>
        ({
          product_slug: "ok-slug",
          product_name: "Name",
          sku: "SKU-1",
          price: "19.99",
          stock: "3",
          status: "active",
          featured: "",
        })[column as string] ?? "",
    );
    expect(validateCsvRow(cells, index, 2).row).toMatchObject({
      price: 1999,
      stock: 3,
      status: "ACTIVE",
      featured: false,
    });
    const bad = [...cells];
    bad[PRODUCT_CSV_COLUMNS.indexOf("price")] = "19.999";
    bad[PRODUCT_CSV_COLUMNS.indexOf("stock")] = "-1";
    expect(validateCsvRow(bad, index, 7).errors.map((error) => [error.row, error.column])).toEqual([
      [7, "price"],
      [7, "stock"],
    ]);
    expect(csvColumnIndex(["product_slug"]).errors).toHaveLength(PRODUCT_CSV_COLUMNS.length - 1);
  });
});
