import { decodeCursor, encodeCursor, type CursorValue } from "./cursor.ts";

export type Page<Item> = { items: Item[]; nextCursor: string | null };

/**
 * One page of a keyset-paged list. `fetch` gets the decoded cursor (the last row's sort key and
 * id, or null on the first page) and how many rows to take: one more than the page, so a row left
 * over means there is a next page. `keyOf` gives a row's cursor; by default its id alone, for
 * lists in id order.
 */
export async function keysetPage<Row extends { id: number }>(
  input: { cursor?: string | null; limit: number },
  fetch: (after: CursorValue | null, take: number) => Promise<Row[]>,
  keyOf: (row: Row) => CursorValue = (row) => [null, row.id],
): Promise<Page<Row>> {
  const rows = await fetch(decodeCursor(input.cursor), input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(keyOf(last)) : null };
}
