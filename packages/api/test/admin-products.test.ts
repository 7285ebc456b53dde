import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("admin.products.list", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("is refused to anonymous visitors and customers", async () => {
    const anonymous = await callerFor(shop.prisma);
    await expect(anonymous.caller.admin.products.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const customer = await shop.make.user({ role: "CUSTOMER" });
    const asCustomer = await callerFor(shop.prisma, { userId: customer.id });
    await expect(asCustomer.caller.admin.products.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists every status for staff, with stock available and search by name or SKU", async () => {
    const staff = await shop.make.user({ role: "STAFF" });
    await shop.make.product({
      name: "Draft Tablet",
      status: "DRAFT",
      variants: [{ price: 100, stock: 4, sku: "TAB-DRAFT-1" }],
    });
    await shop.make.product({
      name: "Live Tablet",
      variants: [
        { price: 100, stock: 2 },
        { price: 200, stock: 3 },
      ],
    });
    const { caller } = await callerFor(shop.prisma, { userId: staff.id });
    const all = await caller.admin.products.list({ search: "tablet" });
    expect(all.items.map((p) => [p.name, p.status, p.available, p.variantCount])).toEqual([
      ["Live Tablet", "ACTIVE", 5, 2],
      ["Draft Tablet", "DRAFT", 4, 1],
    ]);
    const bySku = await caller.admin.products.list({ search: "tab-draft" });
    expect(bySku.items.map((p) => p.name)).toEqual(["Draft Tablet"]);
    const drafts = await caller.admin.products.list({ status: "DRAFT", search: "tablet" });
    expect(drafts.items.map((p) => p.name)).toEqual(["Draft Tablet"]);
  });
});
