import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

const isProcedure = (value: unknown): value is AnyProcedure => typeof value === "function" && "_def" in value;

type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];

describe("audit trail", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Caller;
  let admin: Caller;
  let staffId: number;
  let adminId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    staffId = (await shop.make.user({ role: "STAFF", email: "auditee@example.com" })).id;
    adminId = (await shop.make.user({ role: "ADMIN" })).id;
    staff = (await callerFor(shop.prisma, { userId: staffId })).caller;
    admin = (await callerFor(shop.prisma, { userId: adminId })).caller;
  });
  afterAll(() => shop.db.close());

  const latest = (action: string, entityId?: number) =>
    shop.prisma.auditLog.findFirstOrThrow({
      where: { action, ...(entityId !== undefined && { entityId: String(entityId) }) },
      orderBy: { id: "desc" },
    });

  it("records products, prices, stock, categories and brands with who, before and after", async () => {
    const brand = await staff.admin.brands.create({ name: "Audited", slug: "audited" });
    expect(await latest("brand.create", brand.id)).toMatchObject({
      actorId: staffId,
      actorEmail: "auditee@example.com",
      entityType: "Brand",
      after: { name: "Audited" },
    });
    await staff.admin.brands.update({ id: brand.id, name: "Audited Co", slug: "audited" });
    expect(await latest("brand.update", brand.id)).toMatchObject({
      before: { name: "Audited" },
      after: { name: "Audited Co" },
    });
    const category = await staff.admin.categories.create({ name: "Lamps", slug: "audit-lamps" });
    await staff.admin.categories.update({ id: category.id, name: "Desk lamps", slug: "audit-lamps" });
    expect(await latest("category.update", category.id)).toMatchObject({
      before: { name: "Lamps" },
      after: { name: "Desk lamps" },
    });

    const variant = { sku: "AUD-1", price: 2_500, stockOnHand: 4 };
    const { id } = await staff.admin.products.create({
      name: "Audit lamp",
      slug: "audit-lamp",
      brandId: brand.id,
      variants: [variant],
    });
    expect(await latest("product.create", id)).toMatchObject({
      before: null,
      after: { name: "Audit lamp", variants: [{ sku: "AUD-1", price: 2_500, stockOnHand: 4 }] },
    });
    const saved = await shop.prisma.variant.findUniqueOrThrow({ where: { sku: "AUD-1" }, select: { id: true } });
    await staff.admin.products.update({
      id,
      name: "Audit lamp",
      slug: "audit-lamp",
      brandId: brand.id,
      variants: [{ ...variant, id: saved.id, price: 2_900 }],
    });
    expect(await latest("product.update", id)).toMatchObject({
      before: { variants: [{ price: 2_500 }] },
      after: { variants: [{ price: 2_900 }] },
    });
    await staff.admin.products.bulk({ ids: [id], action: "publish" });
    expect(await latest("product.publish", id)).toMatchObject({
      before: { status: "DRAFT" },
      after: { status: "ACTIVE" },
    });

    await staff.admin.inventory.adjust({ variantId: saved.id, reason: "RESTOCK", delta: 6 });
    expect(await latest("inventory.adjust", saved.id)).toMatchObject({
      entityType: "Variant",
      before: { stockOnHand: 4 },
      after: { stockOnHand: 10, reason: "RESTOCK", delta: 6 },
    });
    await staff.admin.inventory.setThreshold({ variantId: saved.id, threshold: 2 });
    expect(await latest("inventory.threshold", saved.id)).toMatchObject({
      before: { lowStockThreshold: null },
      after: { lowStockThreshold: 2 },
    });
    await staff.admin.brands.delete({ id: (await staff.admin.brands.create({ name: "Gone", slug: "gone" })).id });
    expect(await latest("brand.delete")).toMatchObject({ before: { name: "Gone" }, after: null });
  });

  it("records order handling, refunds, notes, coupons, reviews and roles", async () => {
    const product = await shop.make.product({ variants: [{ price: 3_000, stock: 10 }] });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0, quantity: 2 }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email: "audit-order@example.com" })));
    await guest.call((c) =>
      c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
    );
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { number: placed.order.number },
      select: { id: true },
    });
    await staff.admin.orders.ship({ orderId: order.id, carrier: "UPS", trackingNumber: "1ZAUDIT" });
    expect(await latest("order.ship", order.id)).toMatchObject({
      actorId: staffId,
      before: { fulfillment: "UNFULFILLED" },
      after: { fulfillment: "FULFILLED", carrier: "UPS", trackingNumber: "1ZAUDIT" },
    });
    await staff.admin.orders.addNote({ orderId: order.id, body: "Left at the door" });
    expect(await latest("order.note", order.id)).toMatchObject({ after: { body: "Left at the door" } });
    await staff.admin.orders.refund({ orderId: order.id, amount: 500, restock: false, reason: "Scratched" });
    expect(await latest("order.refund", order.id)).toMatchObject({
      before: { refundedTotal: 0 },
      after: { amount: 500, reason: "Scratched" },
    });

    const coupon = await staff.admin.coupons.create({ code: "AUDIT10", type: "PERCENTAGE", value: 10 });
    await staff.admin.coupons.setActive({ id: coupon.id, active: false });
    expect(await latest("coupon.deactivate", coupon.id)).toMatchObject({
      before: { active: true },
      after: { active: false },
    });

    const author = await shop.make.user();
    const review = await (
      await callerFor(shop.prisma, { userId: author.id })
    ).caller.reviews.create({ productId: product.id, rating: 4, title: "Fine", body: "Does the job" });
    await staff.admin.reviews.hide({ id: review.id });
    expect(await latest("review.hide", review.id)).toMatchObject({
      actorId: staffId,
      before: { status: "PUBLISHED" },
      after: { status: "HIDDEN" },
    });

    const customer = await shop.make.user();
    await admin.admin.customers.setRole({ userId: customer.id, role: "STAFF" });
    expect(
      await shop.prisma.auditLog.findFirstOrThrow({
        where: { entityType: "User", entityId: String(customer.id) },
        orderBy: { id: "desc" },
      }),
    ).toMatchObject({
      actorId: adminId,
      before: { role: "CUSTOMER" },
      after: { role: "STAFF" },
    });
    await admin.admin.reviews.setModeration({ mode: "hold" });
    expect(await latest("settings.reviews")).toMatchObject({
      actorId: adminId,
      entityType: "Setting",
      before: { mode: "publish" },
      after: { mode: "hold" },
    });
  });

  it("cannot be changed: SQL UPDATE and DELETE are refused and no procedure writes to it", async () => {
    const row = await shop.prisma.auditLog.findFirstOrThrow({ select: { id: true, action: true } });
    await expect(
      shop.prisma.$executeRaw`UPDATE "AuditLog" SET "action" = 'forged' WHERE "id" = ${row.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(shop.prisma.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(shop.prisma.auditLog.update({ where: { id: row.id }, data: { action: "forged" } })).rejects.toThrow();
    await expect(shop.prisma.auditLog.deleteMany({})).rejects.toThrow();
    expect(await shop.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id }, select: { action: true } })).toEqual({
      action: row.action,
    });

    const auditProcedures = Object.entries(appRouter._def.procedures).flatMap(([path, value]: [string, unknown]) =>
      path.startsWith("admin.audit.") && isProcedure(value) ? [[path, value._def.type] as const] : [],
    );
    expect(auditProcedures).toEqual([
      ["admin.audit.list", "query"],
      ["admin.audit.facets", "query"],
    ]);
    // Nor does any service: the only write to the table anywhere in the API is recordAudit's create.
    const sources = readdirSync(join(import.meta.dirname, "../src"), { recursive: true, encoding: "utf8" }).filter(
      (file) => file.endsWith(".ts"),
    );
    const writers = sources.filter((file) =>
      /auditLog\s*\.\s*(create|createMany|update|updateMany|upsert|delete|deleteMany)\b|"AuditLog"/.test(
        readFileSync(join(import.meta.dirname, "../src", file), "utf8"),
      ),
    );
    expect(writers).toEqual([join("services", "audit", "record.ts")]);
  });

  it("is browsed by admins with filters and keyset pages; staff may not", async () => {
    await expect(staff.admin.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const all = await admin.admin.audit.list({ actorId: staffId });
    expect(all.items.length).toBeGreaterThan(5);
    expect(all.items.every((item) => item.actor?.id === staffId)).toBe(true);
    const ids = all.items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof admin.admin.audit.list>> = await admin.admin.audit.list({
        actorId: staffId,
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);

    const brands = await admin.admin.audit.list({ entityType: "Brand" });
    expect(new Set(brands.items.map((item) => item.entityType))).toEqual(new Set(["Brand"]));
    const orders = await admin.admin.audit.list({ action: "order." });
    expect(orders.items.map((item) => item.action).sort()).toEqual([
      "order.note",
      "order.partially_refunded",
      "order.refund",
      "order.ship",
    ]);
    const one = orders.items[0];
    expect((await admin.admin.audit.list({ entityType: "Order", entityId: one?.entityId })).items.length).toBe(4);
    expect((await admin.admin.audit.list({ from: new Date(Date.now() + 60_000) })).items).toEqual([]);
    expect((await admin.admin.audit.list({ to: new Date(Date.now() - 3_600_000) })).items).toEqual([]);
    const facets = await admin.admin.audit.facets();
    expect(facets.entityTypes).toEqual(
      expect.arrayContaining(["Brand", "Category", "Coupon", "Order", "Product", "User", "Variant"]),
    );
  });
});
