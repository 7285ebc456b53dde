import type { PrismaClient } from "@shop/db";

const PER_GROUP = 5;

/**
 * The admin's search box: orders by number, customers by email, products by name or SKU, a few
 * of each. A number only looks for orders ("#1042" or "1042"); anything else skips them.
 */
export async function adminSearch(db: PrismaClient, query: string) {
  const digits = /^#?\d{1,9}$/.test(query) ? Number(query.replace("#", "")) : null;
  const [orders, customers, products] = await Promise.all([
    digits === null
      ? []
      : db.order.findMany({
          where: { number: digits },
          select: { id: true, number: true, email: true, status: true, total: true, currency: true },
          take: PER_GROUP,
        }),
    db.user.findMany({
      where: { email: { contains: query, mode: "insensitive" } },
      select: { id: true, email: true, name: true, role: true },
      orderBy: { email: "asc" },
      take: PER_GROUP,
    }),
    db.product.findMany({
      where: {
        OR: [
          { name: { contains: query, mode: "insensitive" } },
          { variants: { some: { sku: { startsWith: query, mode: "insensitive" } } } },
        ],
      },
      select: {
        id: true,
        name: true,
        status: true,
        variants: {
          where: { sku: { startsWith: query, mode: "insensitive" } },
          select: { id: true, sku: true },
          take: 1,
        },
      },
      orderBy: { name: "asc" },
      take: PER_GROUP,
    }),
  ]);
  return {
    orders,
    customers,
    products: products.map(({ variants, ...product }) => ({ ...product, matchedSku: variants[0]?.sku ?? null })),
  };
}
