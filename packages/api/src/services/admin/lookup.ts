import type { Prisma, PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { imageSelect, toImage } from "../../selects/product.ts";

// One search a kind of record, for the admin's pickers and its search box. Each answers with
// options of one shape: what staff call the record, a line that tells similar ones apart, and a
// thumbnail where the record has one. Given ids, it returns those records instead (chosen ones).

export type LookupInput = { query: string; ids?: number[]; limit: number };
export type LookupOption = { id: number; label: string; detail: string; image: string | null };

const insensitive = (text: string) => ({ contains: text, mode: "insensitive" as const });
const prefix = (text: string) => ({ startsWith: text, mode: "insensitive" as const });
const byIdsOr = <Where>(input: LookupInput, where: Where) => (input.ids ? { id: { in: input.ids } } : where);
const page = (input: LookupInput) => ({ take: input.ids ? input.ids.length : input.limit });
/** Exact names first, then names that start with what was typed, then the other matches. */
function ranked<Row extends { label: string }>(rows: Row[], query: string): Row[] {
  const q = query.toLowerCase();
  const rank = (label: string) => (label.toLowerCase() === q ? 0 : label.toLowerCase().startsWith(q) ? 1 : 2);
  return q ? rows.toSorted((a, b) => rank(a.label) - rank(b.label)) : rows;
}
const lower = (value: string) => value.toLowerCase().replaceAll("_", " ");
const thumbSelect = { select: imageSelect, orderBy: { position: "asc" }, take: 1 } satisfies Prisma.Product$imagesArgs;
type Thumb = { images: Prisma.ProductImageGetPayload<{ select: typeof imageSelect }>[] };
const thumb = (config: Pick<ApiConfig, "mediaBaseUrl">, product: Thumb) =>
  product.images[0] ? toImage(config, product.images[0]).url : null;

export async function lookupProducts(db: PrismaClient, config: ApiConfig, input: LookupInput) {
  const q = input.query;
  const rows = await db.product.findMany({
    where: byIdsOr(input, q ? { OR: [{ name: insensitive(q) }, { variants: { some: { sku: prefix(q) } } }] } : {}),
    select: {
      id: true,
      name: true,
      status: true,
      images: thumbSelect,
      variants: { where: { sku: prefix(q) }, select: { sku: true }, take: 1 },
    },
    orderBy: { name: "asc" },
    ...page(input),
  });
  return ranked(
    rows.map((row): LookupOption => ({
      id: row.id,
      label: row.name,
      detail: q && row.variants[0] ? `SKU ${row.variants[0].sku}` : lower(row.status),
      image: thumb(config, row),
    })),
    q,
  );
}

export async function lookupVariants(db: PrismaClient, config: ApiConfig, input: LookupInput) {
  const q = input.query;
  const rows = await db.variant.findMany({
    where: byIdsOr(input, q ? { OR: [{ sku: prefix(q) }, { product: { name: insensitive(q) } }] } : {}),
    select: { id: true, sku: true, title: true, product: { select: { name: true, images: thumbSelect } } },
    orderBy: [{ product: { name: "asc" } }, { position: "asc" }],
    ...page(input),
  });
  return rows.map((row): LookupOption => ({
    id: row.id,
    label: row.title ? `${row.product.name} · ${row.title}` : row.product.name,
    detail: `SKU ${row.sku}`,
    image: thumb(config, row.product),
  }));
}

/** Records found by name (categories, brands): their query and their options. */
const byName = (input: LookupInput) => ({
  where: byIdsOr(input, input.query ? { name: insensitive(input.query) } : {}),
  orderBy: { name: "asc" as const },
  ...page(input),
});
const named = <Row extends { id: number; name: string }>(rows: Row[], query: string, detail: (row: Row) => string) =>
  ranked(
    rows.map((row): LookupOption => ({ id: row.id, label: row.name, detail: detail(row), image: null })),
    query,
  );

export async function lookupCategories(db: PrismaClient, input: LookupInput) {
  const rows = await db.category.findMany({
    ...byName(input),
    select: { id: true, name: true, parent: { select: { name: true } }, _count: { select: { products: true } } },
  });
  return named(
    rows,
    input.query,
    (row) => `${row.parent ? `in ${row.parent.name} · ` : ""}${row._count.products} products`,
  );
}

export async function lookupBrands(db: PrismaClient, input: LookupInput) {
  const rows = await db.brand.findMany({
    ...byName(input),
    select: { id: true, name: true, _count: { select: { products: true } } },
  });
  return named(rows, input.query, (row) => `${row._count.products} products`);
}

export async function lookupCustomers(db: PrismaClient, input: LookupInput) {
  const q = input.query;
  const rows = await db.user.findMany({
    where: byIdsOr(input, q ? { OR: [{ email: insensitive(q) }, { name: insensitive(q) }] } : {}),
    select: { id: true, email: true, name: true, role: true },
    orderBy: { email: "asc" },
    ...page(input),
  });
  return rows.map((row): LookupOption => ({
    id: row.id,
    label: row.email,
    detail: `${row.name} · ${lower(row.role)}`,
    image: null,
  }));
}

/** Orders by number ("#1042" or "1042") or by the buyer's email; newest first. */
export async function lookupOrders(db: PrismaClient, input: LookupInput) {
  const q = input.query;
  const number = /^#?\d{1,9}$/.test(q) ? Number(q.replace("#", "")) : null;
  const rows = await db.order.findMany({
    where: byIdsOr(input, number !== null ? { number } : q ? { email: insensitive(q) } : {}),
    select: { id: true, number: true, email: true, paymentStatus: true, fulfillmentStatus: true },
    orderBy: { id: "desc" },
    ...page(input),
  });
  return rows.map((row): LookupOption => ({
    id: row.id,
    label: `Order #${row.number}`,
    detail: `${row.email} · ${lower(row.paymentStatus)} · ${lower(row.fulfillmentStatus)}`,
    image: null,
  }));
}

/** The shell's search box: a few orders, customers and products at once. */
export async function adminSearch(db: PrismaClient, config: ApiConfig, query: string) {
  const input = { query, limit: 5 };
  const [orders, customers, products] = await Promise.all([
    lookupOrders(db, input),
    lookupCustomers(db, input),
    lookupProducts(db, config, input),
  ]);
  return { orders, customers, products };
}
