import { testPhoto } from "@shop/media/testing";
import { imageUploadBody } from "@shop/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("admin: an image linked to the variants it shows", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  let shopper: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    staff = (await callerFor(shop.prisma, { userId: (await shop.make.user({ role: "STAFF" })).id })).caller;
    shopper = (await callerFor(shop.prisma)).caller;
  });
  afterAll(() => shop.db.close());

  it("links one picture to several variants, shows the links on the product page, and audits them", async () => {
    const { id } = await staff.admin.products.create({
      name: "Linked Tee",
      slug: "linked-tee",
      status: "ACTIVE",
      options: [
        { name: "Colour", values: ["Black", "White"] },
        { name: "Size", values: ["S", "M"] },
      ],
      variants: [
        { sku: "LT-B-S", price: 1_000, stockOnHand: 1, optionValues: ["Black", "S"] },
        { sku: "LT-B-M", price: 1_000, stockOnHand: 1, optionValues: ["Black", "M"] },
        { sku: "LT-W-S", price: 1_000, stockOnHand: 1, optionValues: ["White", "S"] },
      ],
    });
    const upload = async (alt: string) =>
      staff.admin.products.uploadImage(
        imageUploadBody({ productId: id, alt }, new Blob([await testPhoto(200, 200, "png")])),
      );
    const front = await upload("Tee, front");
    const black = await upload("");
    const product = await staff.admin.products.get({ id });
    // No description given: none is made up; the editor warns instead.
    expect(product.images.map((image) => [image.alt, image.variantIds])).toEqual([
      ["Tee, front", []],
      ["", []],
    ]);
    const [blackS, blackM, whiteS] = product.variants.map((variant) => variant.id);

    await staff.admin.products.updateImages({
      productId: id,
      images: [
        { id: front.id, alt: "Tee, front", variantIds: [] },
        { id: black.id, alt: "Black tee", variantIds: [blackM ?? 0, blackS ?? 0, blackS ?? 0] },
      ],
    });
    expect((await staff.admin.products.get({ id })).images.map((image) => image.variantIds)).toEqual([
      [],
      [blackS, blackM].sort((a, b) => (a ?? 0) - (b ?? 0)),
    ]);
    const page = await shopper.catalog.get({ slug: "linked-tee" });
    expect(page.images.find((image) => image.id === black.id)?.variantIds).toEqual(
      [blackS, blackM].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    const audit = await shop.prisma.auditLog.findFirst({
      where: { action: "product.images", entityId: String(id) },
      orderBy: { id: "desc" },
      select: { after: true },
    });
    expect(audit?.after).toEqual([
      { id: front.id, alt: "Tee, front", variantIds: [] },
      { id: black.id, alt: "Black tee", variantIds: [blackS, blackM].sort((a, b) => (a ?? 0) - (b ?? 0)) },
    ]);

    // A variant that goes away takes its links with it; the image stays.
    await shop.prisma.variant.delete({ where: { id: blackM ?? 0 } });
    expect((await staff.admin.products.get({ id })).images[1]?.variantIds).toEqual([blackS]);
    expect(whiteS).toBeDefined();
  });

  it("refuses a variant of another product, and changes nothing", async () => {
    const other = await shop.make.product({ name: "Other" });
    const otherVariant = await shop.prisma.variant.findFirstOrThrow({ where: { productId: other.id } });
    const { id } = await shop.prisma.product.findUniqueOrThrow({ where: { slug: "linked-tee" } });
    const before = await staff.admin.products.get({ id });
    await expect(
      staff.admin.products.updateImages({
        productId: id,
        images: before.images.map((image, index) => ({
          id: image.id,
          alt: image.alt,
          variantIds: index === 1 ? [otherVariant.id] : image.variantIds,
        })),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose variants of this product only" });
    expect((await staff.admin.products.get({ id })).images).toEqual(before.images);
  });
});
