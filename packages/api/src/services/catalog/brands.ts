import type { PrismaClient } from "@shop/db";
import { read } from "../../lib/sql.ts";
import { brandsWithCounts } from "./brand-counts.ts";

const allBrands = brandsWithCounts.orderBy("b.name");

/** Brands with the number of active products each has, alphabetically. */
export async function listBrands(db: PrismaClient) {
  return read(db, allBrands);
}
