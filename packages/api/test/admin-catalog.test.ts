import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { imageInfo } from "@shop/media";
import { imageUploadBody } from "@shop/validators";
import { testPhoto } from "@shop/media/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop, testMediaDir } from "./support.ts";

describe("admin: products, images, categories and brands", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  let shopper: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    staff = (await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id })).caller;
    shopper = (await callerFor(shop.prisma)).caller;
  });
  afterAll(() => shop.db.close());

  const phone = (overrides: Record<string, unknown> = {}) => ({
    name: "Nimbus Phone",
    slug: "nimbus-phone",
    options: [
      { name: "Colour", values: ["Black", "Blue"] },
      { name: "Storage", values: ["128 GB"] },
    ],
    variants: [
      { sku: "NIM-BLK-128", price: 49_900, compareAtPrice: 59_900, stockOnHand: 5, optionValues: ["Black", "128 GB"] },
      { sku: "NIM-BLU-128", price: 51_900, stockOnHand: 0, optionValues: ["Blue", "128 GB"] },
    ],
    ...overrides,
  });

  it("creates a draft with options and variants that shoppers cannot see until it is published", async () => {
    const { id } = await staff.admin.products.create(phone());
    await expect(shopper.catalog.get({ slug: "nimbus-phone" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await staff.admin.products.bulk({ ids: [id], action: "publish" })).toEqual({ updated: 1 });
    const page = await shopper.catalog.get({ slug: "nimbus-phone" });
    expect(page.variants.map((v) => [v.sku, v.title, v.price, v.compareAtPrice, v.available])).toEqual([
      ["NIM-BLK-128", "Black / 128 GB", 49_900, 59_900, true],
      ["NIM-BLU-128", "Blue / 128 GB", 51_900, null, false],
    ]);
    expect(
      await shop.prisma.inventoryMovement.count({ where: { variant: { productId: id }, reason: "INITIAL" } }),
    ).toBe(2);
  });

  it("edits variants in place, records stock changes, and refuses variants of another product", async () => {
    const product = await staff.admin.products.get({
      id: (await shop.prisma.product.findUniqueOrThrow({ where: { slug: "nimbus-phone" } })).id,
    });
    const [black, blue] = product.variants;
    await staff.admin.products.update({
      ...phone({ status: "ACTIVE" }),
      id: product.id,
      variants: [
        { id: black?.id, sku: "NIM-BLK-128", price: 45_900, stockOnHand: 8, optionValues: ["Black", "128 GB"] },
        { id: blue?.id, sku: "NIM-BLU-128", price: 51_900, stockOnHand: 0, optionValues: ["Blue", "128 GB"] },
      ],
    });
    const after = await staff.admin.products.get({ id: product.id });
    expect(after.variants.map((v) => [v.id, v.price, v.stockOnHand, v.optionValues])).toEqual([
      [black?.id, 45_900, 8, ["Black", "128 GB"]],
      [blue?.id, 51_900, 0, ["Blue", "128 GB"]],
    ]);
    expect(
      await shop.prisma.inventoryMovement.findFirst({
        where: { variantId: black?.id, reason: "CORRECTION" },
        select: { delta: true, actorId: true },
      }),
    ).toMatchObject({ delta: 3 });
    const other = await shop.make.product({ name: "Other" });
    await expect(
      staff.admin.products.update({
        ...phone(),
        id: product.id,
        variants: [
          { id: other.variants[0]?.id, sku: "X-1", price: 100, stockOnHand: 1, optionValues: ["Black", "128 GB"] },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      staff.admin.products.create(
        phone({
          slug: "nimbus-2",
          variants: [{ sku: "A", price: 100, stockOnHand: 1, optionValues: ["Red", "128 GB"] }],
        }),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("applies an editor's stock change relative to the level it showed, so a sale in between is not undone", async () => {
    const product = await staff.admin.products.get({
      id: (await shop.prisma.product.findUniqueOrThrow({ where: { slug: "nimbus-phone" } })).id,
    });
    const [black, blue] = product.variants;
    if (!black || !blue) throw new Error("the phone has two variants");
    // Two units leave the warehouse while the form is open.
    await shop.prisma.variant.update({ where: { id: black.id }, data: { stockOnHand: { decrement: 2 } } });
    const edit = (stockOnHand: number) => ({
      ...phone({ status: "ACTIVE" }),
      id: product.id,
      variants: [
        {
          id: black.id,
          sku: "NIM-BLK-128",
          price: 45_900,
          stockOnHand,
          stockOnHandLoaded: black.stockOnHand,
          optionValues: ["Black", "128 GB"],
        },
        {
          id: blue.id,
          sku: "NIM-BLU-128",
          price: 51_900,
          stockOnHand: blue.stockOnHand,
          stockOnHandLoaded: blue.stockOnHand,
          optionValues: ["Blue", "128 GB"],
        },
      ],
    });
    await staff.admin.products.update(edit(black.stockOnHand + 10));
    const after = await staff.admin.products.get({ id: product.id });
    expect(after.variants.map((v) => v.stockOnHand)).toEqual([black.stockOnHand - 2 + 10, blue.stockOnHand]);
    expect(
      await shop.prisma.inventoryMovement.findFirst({
        where: { variantId: black.id },
        orderBy: { id: "desc" },
        select: { delta: true },
      }),
    ).toEqual({ delta: 10 });
    // Taking away more than is there now is refused, never clamped: the form showed 8, 10 left since.
    await shop.prisma.variant.update({ where: { id: black.id }, data: { stockOnHand: { decrement: 10 } } });
    await expect(staff.admin.products.update(edit(0))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await staff.admin.products.get({ id: product.id })).variants[0]?.stockOnHand).toBe(black.stockOnHand - 2);
  });

  it("stores uploaded images with their real size, reorders them and sets the primary card image", async () => {
    const { id } = await shop.prisma.product.findUniqueOrThrow({ where: { slug: "nimbus-phone" } });
    const upload = async (bytes: Uint8Array, alt: string) =>
      staff.admin.products.uploadImage(imageUploadBody({ productId: id, alt }, new Blob([bytes])));
    const first = await upload(await testPhoto(640, 480, "png"), "Front");
    const second = await upload(await testPhoto(300, 900, "png"), "Back");
    expect(first).toMatchObject({ width: 640, height: 480, alt: "Front" });
    const stored = imageInfo(await readFile(join(testMediaDir, first.url.replace("/media/", ""))));
    expect(stored).toMatchObject({ type: "png", width: 640, height: 480 });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(upload(svg, "")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const card = async () => (await shopper.catalog.list({ q: "nimbus" })).items[0]?.image;
    expect(await card()).toMatchObject({ url: first.url, width: 640 });
    await staff.admin.products.updateImages({
      productId: id,
      images: [
        { id: second.id, alt: "Back side" },
        { id: first.id, alt: "Front" },
      ],
    });
    expect(await card()).toMatchObject({ url: second.url, width: 300, height: 900, alt: "Back side" });
    await staff.admin.products.updateImages({ productId: id, images: [{ id: first.id, alt: "Front" }] });
    expect((await staff.admin.products.get({ id })).images.map((image) => image.id)).toEqual([first.id]);
  });

  it("archives and features a selection in bulk", async () => {
    const a = await shop.make.product({ name: "Bulk A" });
    const b = await shop.make.product({ name: "Bulk B" });
    await staff.admin.products.bulk({ ids: [a.id, b.id], action: "feature" });
    expect((await shopper.catalog.list({ featured: true })).items.map((item) => item.name).sort()).toEqual([
      "Bulk A",
      "Bulk B",
    ]);
    await staff.admin.products.bulk({ ids: [a.id, b.id], action: "archive" });
    expect((await shopper.catalog.list({ featured: true })).items).toEqual([]);
    const list = await staff.admin.products.list({ status: "ARCHIVED", sort: "name" });
    expect(list.items.map((item) => item.name)).toEqual(["Bulk A", "Bulk B"]);
  });

  it("moves and reorders categories, never into their own subtree", async () => {
    const root = await staff.admin.categories.create({ name: "Root", slug: "root" });
    const child = await staff.admin.categories.create({ name: "Child", slug: "child", parentId: root.id });
    const second = await staff.admin.categories.create({ name: "Second", slug: "second", parentId: root.id });
    await expect(staff.admin.categories.move({ id: root.id, parentId: child.id, position: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(staff.admin.categories.move({ id: root.id, parentId: root.id, position: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await staff.admin.categories.move({ id: second.id, parentId: root.id, position: 0 });
    const children = (await staff.admin.categories.list()).filter((c) => c.parentId === root.id);
    expect(children.map((c) => [c.slug, c.position])).toEqual([
      ["second", 0],
      ["child", 1],
    ]);
    await staff.admin.categories.update({ id: child.id, name: "Renamed", slug: "renamed" });
    await expect(staff.admin.categories.delete({ id: root.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(staff.admin.categories.create({ name: "Dup", slug: "renamed" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("manages brands and keeps product cards in step with a brand rename", async () => {
    const brand = await staff.admin.brands.create({ name: "Orbit", slug: "orbit" });
    await shop.make.product({ name: "Orbit Watch", brandId: brand.id });
    await staff.admin.brands.update({ id: brand.id, name: "Orbit Labs", slug: "orbit-labs" });
    expect((await shopper.catalog.list({ brands: ["orbit-labs"] })).items[0]?.brand).toEqual({
      name: "Orbit Labs",
      slug: "orbit-labs",
    });
    await expect(staff.admin.brands.delete({ id: brand.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is refused to shoppers and anonymous visitors", async () => {
    const customer = (await callerFor(shop.prisma, { userId: (await shop.make.user()).id })).caller;
    await expect(customer.admin.products.create(phone({ slug: "nope" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(shopper.admin.categories.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
