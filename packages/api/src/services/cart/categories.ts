import { qb } from "@shop/db";
import { rows, type Sql } from "../../lib/sql.ts";

/** For each category, itself and all its ancestors: a coupon scoped to "Audio" covers "Earbuds". */
export async function categoryLineage(sql: Sql): Promise<Map<number, number[]>> {
  const categories = await rows(sql, qb.selectFrom("Category as c").select(["c.id", "c.parentId"]));
  const parent = new Map(categories.map((row) => [row.id, row.parentId]));
  const lineage = new Map<number, number[]>();
  for (const { id } of categories) {
    const chain: number[] = [];
    for (
      let current: number | null | undefined = id;
      current != null && !chain.includes(current);
      current = parent.get(current)
    ) {
      chain.push(current);
    }
    lineage.set(id, chain);
  }
  return lineage;
}

/** Lineage is only needed to match a coupon scoped to categories; skip the query otherwise. */
export async function lineageFor(sql: Sql, coupon: { categoryIds: readonly number[] } | null) {
  return coupon && coupon.categoryIds.length > 0 ? categoryLineage(sql) : new Map<number, number[]>();
}
