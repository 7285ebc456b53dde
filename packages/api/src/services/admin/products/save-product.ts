import type { Prisma, PrismaClient } from "@shop/db";
import type { ProductCreateSchema, ProductUpdateSchema } from "@shop/validators";
import type { z } from "zod";
import { AppError } from "../../../errors.ts";
import { recordAudit, type AuditActor } from "../../audit/record.ts";
import { productSnapshot } from "./snapshot.ts";
import { assertFreeHandles } from "./unique.ts";
import { moveStock } from "../../inventory/stock.ts";

export type ProductData = z.output<typeof ProductCreateSchema>;
type Tx = Prisma.TransactionClient;

const productColumns = (input: ProductData) => ({
  name: input.name,
  slug: input.slug,
  description: input.description,
  status: input.status,
  featured: input.featured,
  seoTitle: input.seoTitle,
  seoDescription: input.seoDescription,
  categoryId: input.categoryId,
  brandId: input.brandId,
  tags: input.tags,
});

/**
 * Replaces a product's options and variants with the form's: options are rebuilt, variants
 * with an id are updated in place (keeping their orders and carts), the rest created, those
 * left out deleted. Every stock change is recorded as an inventory movement by `actorId`.
 */
export async function writeVariants(
  tx: Tx,
  productId: number,
  input: ProductData,
  actorId: number,
  reason: "INITIAL" | "CORRECTION" | "IMPORT",
) {
  const existing = await tx.variant.findMany({
    where: { productId },
    select: { id: true, stockOnHand: true, reserved: true },
  });
  const byId = new Map(existing.map((variant) => [variant.id, variant]));
  for (const variant of input.variants) {
    if (variant.id !== undefined && !byId.has(variant.id))
      throw new AppError("BAD_INPUT", `Variant ${variant.id} belongs to another product`);
  }
  const keep = new Set(input.variants.flatMap((variant) => (variant.id === undefined ? [] : [variant.id])));
  await tx.variant.deleteMany({ where: { productId, id: { notIn: [...keep] } } });
  await tx.productOption.deleteMany({ where: { productId } });
  const valueIds: number[][] = [];
  for (const [position, option] of input.options.entries()) {
    const created = await tx.productOption.create({
      data: {
        productId,
        name: option.name,
        position,
        values: { create: option.values.map((value, index) => ({ value, position: index })) },
      },
      select: { values: { select: { id: true, value: true } } },
    });
    valueIds.push(option.values.map((value) => created.values.find((row) => row.value === value)?.id ?? 0));
  }
  // Free the SKUs first, so two variants may swap SKUs in one save.
  for (const id of keep) await tx.variant.update({ where: { id }, data: { sku: `~${id}~${Date.now()}` } });
  for (const [position, variant] of input.variants.entries()) {
    const links = variant.optionValues.map((value, axis) => ({
      optionValueId: valueIds[axis]?.[input.options[axis]?.values.indexOf(value) ?? -1] ?? 0,
    }));
    const title = variant.optionValues.join(" / ");
    const fields = { sku: variant.sku, title, price: variant.price, compareAtPrice: variant.compareAtPrice, position };
    const before = variant.id === undefined ? undefined : byId.get(variant.id);
    if (!before) {
      const created = await tx.variant.create({
        data: { ...fields, stockOnHand: variant.stockOnHand, productId, optionValues: { create: links } },
        select: { id: true },
      });
      await tx.inventoryMovement.create({
        data: {
          variantId: created.id,
          reason: "INITIAL",
          delta: variant.stockOnHand,
          stockAfter: variant.stockOnHand,
          reservedAfter: 0,
          actorId,
          note: reason === "IMPORT" ? "CSV import" : "Product editor",
        },
      });
      continue;
    }
    await tx.variant.update({
      where: { id: before.id },
      data: { ...fields, optionValues: { create: links } },
      select: { id: true },
    });
    // Through moveStock, so a sale shipped meanwhile is not overwritten and low-stock alerts follow.
    const onHand =
      variant.stockOnHandLoaded === undefined
        ? { set: variant.stockOnHand }
        : { add: variant.stockOnHand - variant.stockOnHandLoaded };
    const moved = await moveStock(
      tx,
      reason,
      { variantId: before.id, actorId, note: reason === "IMPORT" ? "CSV import" : "Product editor" },
      { onHand },
    );
    if (!moved)
      throw new AppError(
        "BAD_INPUT",
        `SKU ${variant.sku}: ${before.reserved} units are reserved by orders, so stock cannot go below that`,
        { field: "variants" },
      );
  }
}

export async function createProduct(db: PrismaClient, actor: AuditActor, input: ProductData) {
  return db.$transaction(async (tx) => {
    await assertFreeHandles(tx, input);
    const product = await tx.product.create({
      data: { ...productColumns(input), publishedAt: input.status === "ACTIVE" ? new Date() : null },
      select: { id: true },
    });
    await writeVariants(tx, product.id, input, actor.id, "INITIAL");
    await recordAudit(tx, {
      actor,
      action: "product.create",
      entityType: "Product",
      entityId: product.id,
      after: await productSnapshot(tx, product.id),
    });
    return product;
  });
}

export async function updateProduct(db: PrismaClient, actor: AuditActor, input: z.output<typeof ProductUpdateSchema>) {
  return db.$transaction(async (tx) => {
    const current = await tx.product.findUnique({ where: { id: input.id }, select: { id: true, publishedAt: true } });
    if (!current) throw new AppError("NOT_FOUND", "No such product");
    await assertFreeHandles(tx, input, input.id);
    const before = await productSnapshot(tx, input.id);
    await tx.product.update({
      where: { id: input.id },
      data: {
        ...productColumns(input),
        publishedAt: current.publishedAt ?? (input.status === "ACTIVE" ? new Date() : null),
      },
    });
    await writeVariants(tx, input.id, input, actor.id, "CORRECTION");
    await recordAudit(tx, {
      actor,
      action: "product.update",
      entityType: "Product",
      entityId: input.id,
      before,
      after: await productSnapshot(tx, input.id),
    });
    return { id: input.id };
  });
}
