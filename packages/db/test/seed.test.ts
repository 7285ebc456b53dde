import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDiskStorage } from "@shop/media";
import { holdingOrders } from "../src/seed/held-stock.ts";
import { seed } from "../src/seed/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

describe("the demo seed", () => {
  let db: TestDatabase;
  const mediaDir = mkdtempSync(join(tmpdir(), "shop-media-"));
  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db, { products: 60, orders: 200, customers: 40, media: localDiskStorage(mediaDir) });
  });
  afterAll(() => db.close());

  it("builds a catalog across the shop's categories and brands, with local images", async () => {
    expect(await db.prisma.product.count()).toBe(60);
    expect(await db.prisma.brand.count()).toBeGreaterThanOrEqual(15);
    const roots = await db.prisma.category.findMany({ where: { parentId: null }, select: { slug: true } });
    expect(roots.map((c) => c.slug)).toEqual(
      expect.arrayContaining(["phones", "audio", "wearables", "tablets", "laptops", "accessories"]),
    );
    const images = await db.prisma.productImage.findMany({ select: { path: true } });
    expect(images.every((image) => existsSync(join(mediaDir, image.path)))).toBe(true);
    const stock = await db.prisma.variant.findMany({ select: { stockOnHand: true } });
    expect(stock.some((v) => v.stockOnHand === 0)).toBe(true);
    expect(stock.some((v) => v.stockOnHand > 0 && v.stockOnHand <= 5)).toBe(true);
  });

  it("creates the demo accounts and a year of orders whose money adds up", async () => {
    const roles = await db.prisma.user.findMany({
      where: { email: { endsWith: "@example.com", startsWith: "a" } },
      select: { role: true },
    });
    expect(roles.map((u) => u.role)).toContain("ADMIN");
    expect(await db.prisma.user.count({ where: { role: "STAFF" } })).toBe(1);
    const orders = await db.prisma.order.findMany({
      select: { subtotal: true, total: true, placedAt: true, items: { select: { unitPrice: true, quantity: true } } },
    });
    expect(orders).toHaveLength(200);
    for (const order of orders) {
      expect(order.subtotal).toBe(order.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0));
    }
    const oldest = Math.min(...orders.map((o) => o.placedAt.getTime()));
    expect(Date.now() - oldest).toBeGreaterThan(180 * 86_400_000);
  });

  it("leaves ratings consistent with the published reviews", async () => {
    const published = await db.prisma.review.groupBy({
      by: ["productId"],
      where: { status: "PUBLISHED" },
      _count: true,
      _sum: { rating: true },
    });
    expect(published.length).toBeGreaterThan(0);
    for (const group of published) {
      const rating = await db.prisma.productRating.findUniqueOrThrow({ where: { productId: group.productId } });
      expect(rating.count).toBe(group._count);
      expect(rating.sum).toBe(group._sum.rating);
    }
  });

  it("reserves exactly the units that open orders hold, as live checkouts do", async () => {
    const open = await db.prisma.orderItem.findMany({
      where: { order: holdingOrders, variantId: { not: null } },
      select: { variantId: true, quantity: true, refundedQuantity: true },
    });
    expect(open.length).toBeGreaterThan(0);
    const held = new Map<number, number>();
    for (const item of open)
      held.set(item.variantId ?? 0, (held.get(item.variantId ?? 0) ?? 0) + item.quantity - item.refundedQuantity);
    const variants = await db.prisma.variant.findMany({ select: { id: true, stockOnHand: true, reserved: true } });
    for (const variant of variants) {
      expect(variant.reserved, `variant ${variant.id}`).toBe(held.get(variant.id) ?? 0);
      expect(variant.stockOnHand).toBeGreaterThanOrEqual(variant.reserved);
      // The history ends at the levels the variant shows.
      const last = await db.prisma.inventoryMovement.findFirst({
        where: { variantId: variant.id },
        orderBy: { id: "desc" },
        select: { stockAfter: true, reservedAfter: true },
      });
      expect(last).toEqual({ stockAfter: variant.stockOnHand, reservedAfter: variant.reserved });
    }
    // Some seeded stock is still sold out: availability is what the catalog was seeded with.
    expect(variants.some((v) => v.stockOnHand === v.reserved)).toBe(true);
  });

  it("leaves a few returns to process, each of one unit of a delivered order's line", async () => {
    const returns = await db.prisma.return.findMany({
      select: {
        status: true,
        order: {
          select: { fulfillmentStatus: true, events: { where: { kind: "return" }, select: { toStatus: true } } },
        },
        items: { select: { quantity: true, orderItem: { select: { quantity: true } } } },
      },
    });
    expect(returns.length).toBeGreaterThan(0);
    for (const ret of returns) {
      expect(["REQUESTED", "APPROVED"]).toContain(ret.status);
      expect(ret.order.fulfillmentStatus).toBe("DELIVERED");
      expect(ret.order.events).toEqual([{ toStatus: "REQUESTED" }]);
      expect(ret.items).toHaveLength(1);
      expect(ret.items[0]?.quantity).toBeLessThanOrEqual(ret.items[0]?.orderItem.quantity ?? 0);
    }
  });

  it("is idempotent", async () => {
    const before = await db.prisma.order.count();
    expect(await seed(db, { products: 60, orders: 200, customers: 40, media: localDiskStorage(mediaDir) })).toEqual({
      seeded: false,
    });
    expect(await db.prisma.order.count()).toBe(before);
  });
});
