import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../src/lib/rate-limit/index.ts";
import { validateApiKey } from "../src/services/api-keys/validate.ts";
import { callerFor, keyCallerFor, setupTestShop } from "./support.ts";

describe("API keys", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let admin: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    admin = (await shop.make.user({ role: "ADMIN" })).id;
  });
  afterAll(() => shop.db.close());

  it("shows a new key once, stores only a hash of its secret and lists its prefix", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: admin });
    const created = await caller.admin.apiKeys.create({ name: "ERP", scopes: ["orders:read"], expiresInDays: 30 });
    expect(created.key).toMatch(/^shop_[a-z2-7]{24}_[a-z2-7]{32}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);
    const row = await shop.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    const secret = created.key.split("_")[2] ?? "";
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const listed = (await caller.admin.apiKeys.list()).find((key) => key.id === created.id);
    expect(listed).toMatchObject({ prefix: created.prefix, name: "ERP", scopes: ["orders:read"], revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed).not.toHaveProperty("key");
    expect(listed).not.toHaveProperty("secretHash");
    const audit = await shop.prisma.auditLog.findFirst({ where: { action: "api_key.create", entityId: created.id } });
    expect(audit?.actorId).toBe(admin);
  });

  it("refuses a wrong secret, a revoked or expired key, and the key of someone no longer staff", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: admin });
    const created = await caller.admin.apiKeys.create({ name: "a", scopes: ["catalog:read"], expiresInDays: 1 });
    expect(await validateApiKey(shop.prisma, created.key)).toMatchObject({ via: "apiKey", key: { id: created.id } });
    expect(await validateApiKey(shop.prisma, `${created.key.slice(0, -4)}aaaa`)).toBeNull();
    expect(await validateApiKey(shop.prisma, created.key, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
    await caller.admin.apiKeys.revoke({ id: created.id });
    expect(await validateApiKey(shop.prisma, created.key)).toBeNull();
    await expect(caller.admin.apiKeys.revoke({ id: created.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const staff = await shop.make.user({ role: "STAFF" });
    const own = await keyCallerFor(shop.prisma, { userId: staff.id, scopes: ["catalog:read"] });
    await shop.prisma.user.update({ where: { id: staff.id }, data: { role: "CUSTOMER" } });
    expect(await validateApiKey(shop.prisma, own.key.key)).toBeNull();
    await shop.prisma.user.update({ where: { id: staff.id }, data: { role: "STAFF", disabledAt: new Date() } });
    expect(await validateApiKey(shop.prisma, own.key.key)).toBeNull();
  });

  it("records when a key was last used", async () => {
    const { key } = await keyCallerFor(shop.prisma, { userId: admin, scopes: ["catalog:read"] });
    const row = await shop.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { lastUsedAt: true } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("limits calls per key, not per shop", async () => {
    const limits = createMemoryStore();
    const config = { apiKeyPerMinute: 2 };
    const one = await keyCallerFor(shop.prisma, { userId: admin, scopes: ["catalog:read"], limits, config });
    const two = await keyCallerFor(shop.prisma, { userId: admin, scopes: ["catalog:read"], limits, config });
    await one.caller.catalog.brands();
    await one.caller.catalog.brands();
    await expect(one.caller.catalog.brands()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(Number(one.headers.get("retry-after"))).toBeGreaterThan(0);
    await expect(two.caller.catalog.brands()).resolves.toBeInstanceOf(Array);
  });

  it("audits every call of a key, allowed or refused", async () => {
    const { caller, key } = await keyCallerFor(shop.prisma, { userId: admin, scopes: ["catalog:read"] });
    await caller.catalog.brands();
    await expect(caller.admin.orders.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.catalog.get({ slug: "no-such-product" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const calls = await shop.prisma.auditLog.findMany({
      where: { action: "api_key.call", entityId: key.id },
      orderBy: { id: "asc" },
      select: { actorId: true, after: true },
    });
    expect(calls.map((call) => call.after)).toEqual([
      { procedure: "catalog.brands", type: "query", outcome: "OK" },
      { procedure: "admin.orders.list", type: "query", outcome: "FORBIDDEN" },
      { procedure: "catalog.get", type: "query", outcome: "NOT_FOUND" },
    ]);
    expect(calls.every((call) => call.actorId === admin)).toBe(true);
  });

  it("acts as its creator in the records of what it changes", async () => {
    const staff = await shop.make.user({ role: "STAFF" });
    const product = await shop.make.product({ status: "ACTIVE" });
    const variant = product.variants[0];
    if (!variant) throw new Error("the factory made no variant");
    const { caller } = await keyCallerFor(shop.prisma, { userId: staff.id, scopes: ["inventory:write"] });
    await caller.admin.inventory.adjust({ variantId: variant.id, reason: "RESTOCK", delta: 5, note: null });
    const movement = await shop.prisma.inventoryMovement.findFirstOrThrow({
      where: { variantId: variant.id },
      orderBy: { id: "desc" },
    });
    expect(movement.actorId).toBe(staff.id);
  });
});
