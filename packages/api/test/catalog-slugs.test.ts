import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../src/errors.ts";
import { makeProduct } from "./catalog-fixtures.ts";
import { callerFor, setupTestShop } from "./support.ts";

/** The details a NOT_FOUND from catalog.get carries (what the storefront turns into 301/410/404). */
async function missDetails(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect(error).toMatchObject({ code: "NOT_FOUND" });
  const cause = error instanceof TRPCError ? error.cause : null;
  return cause instanceof AppError ? (cause.details ?? null) : null;
}

describe("catalog.get: renamed, archived and unknown products", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let caller: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    caller = (await callerFor(shop.prisma)).caller;
  });
  afterAll(() => shop.db.close());

  it("a renamed product's old slugs point at its current one, however many renames ago", async () => {
    const product = await makeProduct(shop.prisma, { name: "Renamed Pods", prices: 1_000 });
    await shop.prisma.product.update({ where: { id: product.id }, data: { slug: "renamed-pods-2" } });
    await shop.prisma.product.update({ where: { id: product.id }, data: { slug: "renamed-pods-3" } });
    expect(await missDetails(caller.catalog.get({ slug: product.slug }))).toEqual({ movedTo: "renamed-pods-3" });
    expect(await missDetails(caller.catalog.get({ slug: "renamed-pods-2" }))).toEqual({ movedTo: "renamed-pods-3" });
    expect((await caller.catalog.get({ slug: "renamed-pods-3" })).id).toBe(product.id);
    const history = await shop.prisma.productSlugHistory.findMany({ where: { productId: product.id } });
    expect(history.map((row) => row.slug).sort()).toEqual([product.slug, "renamed-pods-2"].sort());
  });

  it("a live slug wins over history: another product may take an old slug", async () => {
    const first = await makeProduct(shop.prisma, { name: "Old Name", prices: 1_000 });
    await shop.prisma.product.update({ where: { id: first.id }, data: { slug: "new-name" } });
    const second = await makeProduct(shop.prisma, { name: "Taker", prices: 2_000 });
    await shop.prisma.product.update({ where: { id: second.id }, data: { slug: first.slug } });
    expect((await caller.catalog.get({ slug: first.slug })).id).toBe(second.id);
    expect(await shop.prisma.productSlugHistory.count({ where: { slug: first.slug } })).toBe(0);
  });

  it("an archived product says so, with its category as the way on; a draft is simply not found", async () => {
    const category = await shop.prisma.category.create({ data: { name: "Cables", slug: "cables" } });
    const archived = await makeProduct(shop.prisma, { name: "Gone Cable", categoryId: category.id });
    await shop.prisma.product.update({ where: { id: archived.id }, data: { status: "ARCHIVED" } });
    expect(await missDetails(caller.catalog.get({ slug: archived.slug }))).toEqual({
      archived: true,
      name: "Gone Cable",
      categorySlug: "cables",
      categoryName: "Cables",
    });
    const draft = await makeProduct(shop.prisma, { name: "Secret Draft", status: "DRAFT" });
    expect(await missDetails(caller.catalog.get({ slug: draft.slug }))).toBeNull();
    await shop.prisma.product.update({ where: { id: draft.id }, data: { slug: "secret-draft-2" } });
    expect(await missDetails(caller.catalog.get({ slug: draft.slug }))).toBeNull();
    expect(await missDetails(caller.catalog.get({ slug: "never-existed" }))).toBeNull();
  });
});

describe("catalog.categoryMoved: renamed categories", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let caller: Awaited<ReturnType<typeof callerFor>>["caller"];
  beforeAll(async () => {
    shop = await setupTestShop();
    caller = (await callerFor(shop.prisma)).caller;
  });
  afterAll(() => shop.db.close());

  it("a renamed category's old slugs point at its current one; a live slug wins; unknown slugs are null", async () => {
    const category = await shop.prisma.category.create({ data: { name: "Chargers", slug: "chargers" } });
    await shop.prisma.category.update({ where: { id: category.id }, data: { slug: "power" } });
    await shop.prisma.category.update({ where: { id: category.id }, data: { slug: "power-adapters" } });
    expect(await caller.catalog.categoryMoved({ slug: "chargers" })).toEqual({ movedTo: "power-adapters" });
    expect(await caller.catalog.categoryMoved({ slug: "power" })).toEqual({ movedTo: "power-adapters" });
    expect(await caller.catalog.categoryMoved({ slug: "never-was" })).toEqual({ movedTo: null });

    const taker = await shop.prisma.category.create({ data: { name: "Chargers again", slug: "chargers" } });
    expect(await caller.catalog.categoryMoved({ slug: "chargers" })).toEqual({ movedTo: null });
    expect(await shop.prisma.categorySlugHistory.count({ where: { slug: "chargers" } })).toBe(0);
    await shop.prisma.category.delete({ where: { id: taker.id } });
    await shop.prisma.category.delete({ where: { id: category.id } });
    expect(await shop.prisma.categorySlugHistory.count()).toBe(0);
  });
});
