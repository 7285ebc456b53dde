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

  it("fills in every product column the triggers derive, as they would", async () => {
    // The seed inserts products with these columns computed in its own INSERT (the triggers that
    // derive them wait meanwhile): they must be what the database's functions give.
    const [wrong] = await db.sql.query<{ search: number; brand: number; card: number; image: number; keys: number }>(`
      SELECT
        count(*) FILTER (WHERE p."searchVector" IS DISTINCT FROM shop_product_search_vector(p."name", p."description", p."brandId", p."categoryId")
                            OR p."searchTitle" IS DISTINCT FROM shop_product_search_title(p."name", p."brandId", p."categoryId"))::int AS "search",
        count(*) FILTER (WHERE (p."brandName", p."brandSlug") IS DISTINCT FROM (b."name", b."slug"))::int AS "brand",
        count(*) FILTER (WHERE (p."priceMin", p."priceMax", p."inStock") IS DISTINCT FROM (v."min", v."max", v."inStock"))::int AS "card",
        count(*) FILTER (WHERE (p."imagePath", p."imageAlt", p."imageWidth", p."imageHeight", p."imageWidths")
                               IS DISTINCT FROM (i."path", i."alt", i."width", i."height", i."widths"))::int AS "image",
        count(*) FILTER (WHERE p."optionKeys" IS DISTINCT FROM shop_option_keys(p."id"))::int AS "keys"
      FROM "Product" p
      LEFT JOIN "Brand" b ON b."id" = p."brandId"
      LEFT JOIN LATERAL (
        SELECT COALESCE(MIN("price"), 0) AS "min", COALESCE(MAX("price"), 0) AS "max",
               COALESCE(BOOL_OR("stockOnHand" > "reserved"), false) AS "inStock"
          FROM "Variant" WHERE "productId" = p."id") v ON true
      LEFT JOIN LATERAL (
        SELECT "path", "alt", "width", "height", COALESCE("widths", ARRAY[]::int[]) AS "widths" FROM "ProductImage"
         WHERE "productId" = p."id" ORDER BY "position", "id" LIMIT 1) i ON true`);
    expect(wrong).toEqual({ search: 0, brand: 0, card: 0, image: 0, keys: 0 });
    // The dictionary holds exactly the words of the names and descriptions, brands and categories.
    const [terms] = await db.sql.query<{ missing: number; extra: number }>(`
      WITH words AS (
        SELECT w FROM "Product", shop_words("name" || ' ' || "description") AS w
        UNION SELECT w FROM "Brand", shop_words("name") AS w
        UNION SELECT w FROM "Category", shop_words("name") AS w)
      SELECT (SELECT count(*) FROM words WHERE w NOT IN (SELECT "term" FROM "SearchTerm"))::int AS "missing",
             (SELECT count(*) FROM "SearchTerm" WHERE "term" NOT IN (SELECT w FROM words))::int AS "extra"`);
    expect(terms).toEqual({ missing: 0, extra: 0 });
  });

  it("leaves the tables' keys and indexes as the migrations made them, and no webhook events", async () => {
    const fresh = await createTestDatabase();
    try {
      const schema = (database: TestDatabase) =>
        database.sql.query(`
          SELECT indexdef AS "definition" FROM pg_indexes WHERE schemaname = 'public'
          UNION ALL SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
          ORDER BY 1`);
      expect(await schema(db)).toEqual(await schema(fresh));
    } finally {
      await fresh.close();
    }
    expect(await db.prisma.outgoingEvent.count({ where: { type: { startsWith: "product." } } })).toBe(0);
  });

  it("is idempotent", async () => {
    const before = await db.prisma.order.count();
    expect(await seed(db, { products: 60, orders: 200, customers: 40, media: localDiskStorage(mediaDir) })).toEqual({
      seeded: false,
    });
    expect(await db.prisma.order.count()).toBe(before);
  });
});

describe("the demo seed in a shop with a webhook endpoint", () => {
  let db: TestDatabase;
  const mediaDir = mkdtempSync(join(tmpdir(), "shop-media-"));
  beforeAll(async () => {
    db = await createTestDatabase();
    // An endpoint that wants product events: the seed queues them as any insert would.
    await db.prisma.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/shop", events: ["product.created"], secret: "whsec_test" },
    });
    await seed(db, { products: 40, orders: 0, customers: 2, media: localDiskStorage(mediaDir) });
  });
  afterAll(() => db.close());

  it("queues the product events the endpoint wants, as any insert would", async () => {
    expect(await db.prisma.outgoingEvent.count({ where: { type: "product.created" } })).toBe(40);
  });

  it("shares a picture between products drawn alike; its file goes with the last image showing it", async () => {
    const shared = await db.sql.query<{ path: string; ids: number[] }>(`
      SELECT "path", array_agg("id" ORDER BY "id") AS "ids" FROM "ProductImage"
       GROUP BY "path" HAVING count(*) > 1 ORDER BY count(*) DESC, "path" LIMIT 1`);
    const picture = shared[0];
    if (!picture) throw new Error("no picture is shared");
    expect(existsSync(join(mediaDir, picture.path))).toBe(true);
    const queued = async () =>
      (await db.prisma.job.findMany({ where: { type: "media.delete" }, select: { payload: true } })).flatMap((job) =>
        (job.payload as { images: Array<{ path: string }> }).images.map((image) => image.path),
      );
    const [first, ...rest] = picture.ids;
    await db.prisma.productImage.delete({ where: { id: first } });
    expect(await queued()).not.toContain(picture.path);
    await db.prisma.productImage.deleteMany({ where: { id: { in: rest } } });
    expect(await queued()).toEqual([picture.path]);
  });
});
