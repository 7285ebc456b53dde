import type { PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import * as lookup from "../admin/lookup.ts";

type Labeller = (db: PrismaClient, config: ApiConfig, ids: number[]) => Promise<{ id: number; label: string }[]>;
const byIds = (ids: number[]): lookup.LookupInput => ({ query: "", ids, limit: ids.length });

// What staff call each kind of record: orders by number, customers by email, products by name.
const labellers: Record<string, Labeller> = {
  Order: (db, _config, ids) => lookup.lookupOrders(db, byIds(ids)),
  Product: (db, config, ids) => lookup.lookupProducts(db, config, byIds(ids)),
  Variant: (db, config, ids) => lookup.lookupVariants(db, config, byIds(ids)),
  User: (db, _config, ids) => lookup.lookupCustomers(db, byIds(ids)),
  Category: (db, _config, ids) => lookup.lookupCategories(db, byIds(ids)),
  Brand: (db, _config, ids) => lookup.lookupBrands(db, byIds(ids)),
  Coupon: async (db, _config, ids) =>
    (await db.coupon.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } })).map((row) => ({
      id: row.id,
      label: `Coupon ${row.code}`,
    })),
  Review: async (db, _config, ids) =>
    (await db.review.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((row) => ({
      id: row.id,
      label: `Review “${row.title}”`,
    })),
};

/** A deleted record keeps the name its last audit snapshot had. */
function fromSnapshot(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  for (const key of ["name", "code", "email", "title", "sku"]) {
    const field: unknown = Reflect.get(value, key);
    if (typeof field === "string" && field) return field;
  }
  return null;
}

type Entry = { entityType: string; entityId: string; before: unknown; after: unknown };

/**
 * Each audit record with `entityLabel`: the record as staff know it ("Order #2501", not the
 * internal id), looked up in one query a kind; null when there is no better name than the id.
 */
export async function withEntityLabels<Row extends Entry>(
  db: PrismaClient,
  config: ApiConfig,
  page: { items: Row[]; nextCursor: string | null },
) {
  const wanted = new Map<string, number[]>();
  for (const row of page.items) {
    const id = Number(row.entityId);
    if (labellers[row.entityType] && Number.isInteger(id)) {
      wanted.set(row.entityType, [...(wanted.get(row.entityType) ?? []), id]);
    }
  }
  const labels = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      const labeller = labellers[type];
      const found = labeller ? await labeller(db, config, [...new Set(ids)]) : [];
      for (const row of found) labels.set(`${type}:${row.id}`, row.label);
    }),
  );
  return {
    ...page,
    items: page.items.map((row) => ({
      ...row,
      entityLabel:
        labels.get(`${row.entityType}:${row.entityId}`) ?? fromSnapshot(row.after) ?? fromSnapshot(row.before),
      entityExists: labels.has(`${row.entityType}:${row.entityId}`),
    })),
  };
}
