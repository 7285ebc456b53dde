import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("bulk product actions", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    staffId = (await shop.make.user({ role: "STAFF" })).id;
  });
  afterAll(() => shop.db.close());

  it("moves a selection into a category and back out, with an audit record a product", async () => {
    const category = await shop.make.category({ name: "Bulk Moves" });
    const products = await Promise.all([1, 2, 3].map((n) => shop.make.product({ name: `Bulk ${n}` })));
    const ids = products.map((product) => product.id);
    const { caller } = await callerFor(shop.prisma, { userId: staffId });

    expect(await caller.admin.products.bulk({ ids, action: "setCategory", categoryId: category.id })).toEqual({
      updated: 3,
    });
    const moved = await shop.prisma.product.findMany({ where: { id: { in: ids } }, select: { categoryId: true } });
    expect(moved.map((row) => row.categoryId)).toEqual([category.id, category.id, category.id]);
    const audits = await shop.prisma.auditLog.findMany({
      where: { action: "product.category", entityId: { in: ids.map(String) } },
      select: { entityId: true, actorId: true, before: true, after: true },
    });
    expect(audits).toHaveLength(3);
    expect(audits.every((row) => row.actorId === staffId)).toBe(true);
    expect(audits[0]).toMatchObject({ before: { categoryId: null }, after: { categoryId: category.id } });

    await caller.admin.products.bulk({ ids, action: "setCategory", categoryId: null });
    const cleared = await shop.prisma.product.count({ where: { id: { in: ids }, categoryId: null } });
    expect(cleared).toBe(3);
  });

  it("changes nothing when the category does not exist", async () => {
    const product = await shop.make.product();
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await expect(
      caller.admin.products.bulk({ ids: [product.id], action: "setCategory", categoryId: 999_999 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await shop.prisma.auditLog.count({ where: { action: "product.category", entityId: String(product.id) } }),
    ).toBe(0);
  });

  it("adds tags to a selection, keeping each product's own, with an audit record a product; the list filters by tag", async () => {
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const tagged = await caller.admin.products.create({
      name: "Tagged Lamp",
      slug: "tagged-lamp",
      tags: ["Gift", "gift", "desk lamp"],
      variants: [{ sku: "TAG-LAMP", price: 1_000, stockOnHand: 1 }],
    });
    expect((await caller.admin.products.get({ id: tagged.id })).tags).toEqual(["gift", "desk-lamp"]);
    const other = await shop.make.product({ name: "Untagged" });
    const ids = [tagged.id, other.id];

    expect(await caller.admin.products.bulk({ ids, action: "addTags", tags: ["Summer Sale", "gift"] })).toEqual({
      updated: 2,
    });
    const rows = await shop.prisma.product.findMany({
      where: { id: { in: ids } },
      select: { id: true, tags: true },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => row.tags)).toEqual([
      ["gift", "desk-lamp", "summer-sale"],
      ["summer-sale", "gift"],
    ]);
    const audits = await shop.prisma.auditLog.findMany({
      where: { action: "product.tags", entityId: { in: ids.map(String) } },
      select: { entityId: true, before: true, after: true },
      orderBy: { entityId: "asc" },
    });
    expect(audits).toHaveLength(2);
    expect(audits.find((row) => row.entityId === String(other.id))).toMatchObject({
      before: { tags: [] },
      after: { tags: ["summer-sale", "gift"] },
    });
    const listed = await caller.admin.products.list({ tag: "summer-sale", limit: 50 });
    expect(listed.items.map((row) => row.id).sort()).toEqual([...ids].sort());

    // No tag, or one that is not a tag: refused, nothing written.
    await expect(caller.admin.products.bulk({ ids, action: "addTags", tags: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.admin.products.bulk({ ids, action: "addTags", tags: ["a/b"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(
      await shop.prisma.auditLog.count({ where: { action: "product.tags", entityId: { in: ids.map(String) } } }),
    ).toBe(2);
  });
});
