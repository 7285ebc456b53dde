import type { Prisma } from "@shop/db";
import { jsonSnapshot } from "../../audit/record.ts";

const productAuditSelect = {
  name: true,
  slug: true,
  status: true,
  featured: true,
  description: true,
  seoTitle: true,
  seoDescription: true,
  categoryId: true,
  brandId: true,
  tags: true,
  options: {
    select: { name: true, values: { select: { value: true }, orderBy: { position: "asc" } } },
    orderBy: { position: "asc" },
  },
  variants: {
    select: { id: true, sku: true, title: true, price: true, compareAtPrice: true, stockOnHand: true },
    orderBy: { position: "asc" },
  },
  images: { select: { id: true, path: true, alt: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.ProductSelect;

/** A product as the audit trail records it before and after a change (null: it did not exist). */
export async function productSnapshot(tx: Prisma.TransactionClient, id: number): Promise<Prisma.InputJsonValue> {
  return jsonSnapshot(await tx.product.findUnique({ where: { id }, select: productAuditSelect }));
}
