import { describe, expect, it } from "vitest";
import { decodeCursor, type CursorValue } from "./cursor.ts";
import { keysetPage, type Page } from "./keyset.ts";

const rows = Array.from({ length: 7 }, (_, index) => ({ id: 100 - index, name: `row ${index}` }));

/** A list in id order, newest first, as the services query it. */
const byId = async (after: CursorValue | null, take: number) =>
  rows.filter((row) => !after || row.id < after[1]).slice(0, take);

describe("keysetPage", () => {
  it("walks a list page by page with no row twice and none left out", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<(typeof rows)[number]> = await keysetPage({ cursor, limit: 3 }, byId);
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(rows.map((row) => row.id));
    expect(pages).toBe(3);
  });

  it("asks for one row more than the page and gives no cursor when the list ends on a page boundary", async () => {
    const takes: number[] = [];
    const page = await keysetPage({ limit: 7 }, async (after, take) => {
      takes.push(take);
      return byId(after, take);
    });
    expect(takes).toEqual([8]);
    expect(page.items).toHaveLength(7);
    expect(page.nextCursor).toBeNull();
  });

  it("puts the sort key of the last row in the cursor", async () => {
    const page = await keysetPage({ limit: 2 }, byId, (row) => [row.name, row.id]);
    expect(decodeCursor(page.nextCursor)).toEqual(["row 1", 99]);
  });

  it("rejects a cursor that is not one of its own", async () => {
    await expect(keysetPage({ cursor: "not-a-cursor", limit: 2 }, byId)).rejects.toThrow("Invalid page cursor");
  });
});
