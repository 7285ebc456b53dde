import type { PrismaClient } from "@shop/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { callerFor, fieldErrors, setupTestShop } from "./support.ts";

/** The aggregates as they should be, computed from scratch from the published reviews. */
async function recomputed(db: PrismaClient, productId: number) {
  const reviews = await db.review.findMany({ where: { productId, status: "PUBLISHED" }, select: { rating: true } });
  const stars = [1, 2, 3, 4, 5].map((n) => reviews.filter((r) => r.rating === n).length);
  const sum = reviews.reduce((total, r) => total + r.rating, 0);
  return {
    count: reviews.length,
    sum,
    star1: stars[0],
    star2: stars[1],
    star3: stars[2],
    star4: stars[3],
    star5: stars[4],
    average: reviews.length ? sum / reviews.length : 0,
  };
}

async function stored(db: PrismaClient, productId: number) {
  const row = await db.productRating.findUnique({ where: { productId } });
  return row
    ? {
        count: row.count,
        sum: row.sum,
        star1: row.star1,
        star2: row.star2,
        star3: row.star3,
        star4: row.star4,
        star5: row.star5,
        average: row.average,
      }
    : await recomputed(db, -1);
}

describe("reviews and ratings", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staff: number;
  beforeAll(async () => {
    shop = await setupTestShop({ poolSize: 20 });
    await setupCheckoutReference(shop.prisma);
    staff = (await shop.make.user({ role: "STAFF" })).id;
  });
  afterAll(() => shop.db.close());

  const shopper = async () => {
    const user = await shop.make.user({ name: "Grace Brewster Hopper" });
    return { user, ...(await callerFor(shop.prisma, { userId: user.id })) };
  };

  it("stores text as written (never as HTML), enforces limits, and allows one review per product", async () => {
    const product = await shop.make.product();
    const { caller } = await shopper();
    const body = `<script>alert("x")</script> & <b>bold</b>`;
    await caller.reviews.create({ productId: product.id, rating: 4, title: "  Good <i>phone</i> ", body });
    const saved = await shop.prisma.review.findFirstOrThrow({ where: { productId: product.id } });
    expect(saved).toMatchObject({ title: "Good <i>phone</i>", body, status: "PUBLISHED", verifiedPurchase: false });
    await expect(
      caller.reviews.create({ productId: product.id, rating: 5, title: "Again", body: "Again" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const empty = await caller.reviews
      .create({ productId: product.id, rating: 6, title: " ", body: "x".repeat(5_001) })
      .catch((e: unknown) => e);
    expect(fieldErrors(empty, "title")).toEqual(["Give your review a title"]);
    expect(fieldErrors(empty, "body")).toEqual(["At most 5,000 characters"]);
    expect(fieldErrors(empty, "rating")).toEqual(["Choose 1 to 5 stars"]);
  });

  it("marks a review as a verified purchase when the shopper has a paid order with the product", async () => {
    const product = await shop.make.product({ variants: [{ price: 1_000, stock: 5 }] });
    const password = "verified buyer passphrase";
    const user = await shop.make.user({ password });
    const guest = await guestShopper(shop.prisma);
    await guest.call((c) => c.cart.add({ variantId: product.variants[0]?.id ?? 0 }));
    await guest.call((c) => c.auth.signIn({ email: user.email, password }));
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    const placed = await caller.checkout.placeOrder(checkoutInput({ email: undefined }));
    await caller.payments.testConfirm({
      clientSecret: placed.payment?.clientSecret ?? "",
      ...card("4242424242424242"),
    });
    expect(
      await caller.reviews.create({ productId: product.id, rating: 5, title: "Bought it", body: "Works." }),
    ).toMatchObject({ verifiedPurchase: true });
  });

  it("holds new and edited reviews for approval when moderation says so, and staff approve or hide them", async () => {
    const admin = await shop.make.user({ role: "ADMIN" });
    const asAdmin = await callerFor(shop.prisma, { userId: admin.id });
    await asAdmin.caller.admin.reviews.setModeration({ mode: "hold" });
    const product = await shop.make.product();
    const { caller } = await shopper();
    const review = await caller.reviews.create({
      productId: product.id,
      rating: 2,
      title: "Meh",
      body: "Could be better",
    });
    expect(review.status).toBe("PENDING");
    const anonymous = await callerFor(shop.prisma);
    expect((await anonymous.caller.reviews.list({ productId: product.id })).items).toEqual([]);
    const asStaff = await callerFor(shop.prisma, { userId: staff });
    const queue = await asStaff.caller.admin.reviews.list({ status: "PENDING", productId: product.id });
    expect(queue.items.map((r) => r.id)).toEqual([review.id]);
    await asStaff.caller.admin.reviews.approve({ id: review.id });
    expect(
      (await anonymous.caller.reviews.list({ productId: product.id })).items.map((r) => [r.title, r.author]),
    ).toEqual([["Meh", "Grace H."]]);
    await caller.reviews.update({ id: review.id, rating: 3, title: "Better now", body: "Updated" });
    expect((await anonymous.caller.reviews.list({ productId: product.id })).items).toEqual([]);
    await asStaff.caller.admin.reviews.hide({ id: review.id });
    expect(await shop.prisma.auditLog.count({ where: { entityType: "Review", entityId: String(review.id) } })).toBe(2);
    await asAdmin.caller.admin.reviews.setModeration({ mode: "publish" });
    expect(await stored(shop.prisma, product.id)).toEqual(await recomputed(shop.prisma, product.id));
  });

  it("counts a helpful vote once per shopper, never the author's own, and sorts and filters", async () => {
    const product = await shop.make.product();
    const authors = await Promise.all([1, 2, 3].map(() => shopper()));
    const ids: number[] = [];
    for (const [index, author] of authors.entries()) {
      ids.push(
        (
          await author.caller.reviews.create({
            productId: product.id,
            rating: index + 3,
            title: `Review ${index}`,
            body: "Text",
          })
        ).id,
      );
    }
    const voter = await shopper();
    expect(await voter.caller.reviews.markHelpful({ id: ids[0] ?? 0 })).toEqual({ helpfulCount: 1, voted: true });
    expect(await voter.caller.reviews.markHelpful({ id: ids[0] ?? 0 })).toEqual({ helpfulCount: 1, voted: true });
    await expect(authors[0]?.caller.reviews.markHelpful({ id: ids[0] ?? 0 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const list = (sort: "newest" | "highest" | "lowest" | "helpful", rating?: number) =>
      voter.caller.reviews.list({ productId: product.id, sort, rating }).then((page) => page.items.map((r) => r.title));
    expect(await list("highest")).toEqual(["Review 2", "Review 1", "Review 0"]);
    expect(await list("lowest")).toEqual(["Review 0", "Review 1", "Review 2"]);
    expect((await list("helpful"))[0]).toBe("Review 0");
    expect(await list("newest", 4)).toEqual(["Review 1"]);
    const page1 = await voter.caller.reviews.list({ productId: product.id, limit: 2 });
    const page2 = await voter.caller.reviews.list({ productId: product.id, limit: 2, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(
      page1.items.find((r) => r.id === ids[0])?.votedHelpful ?? page2.items.find((r) => r.id === ids[0])?.votedHelpful,
    ).toBe(true);
  });

  it("keeps aggregates equal to a recount after a mix of creates, edits, deletes and moderation, even concurrently", async () => {
    const product = await shop.make.product();
    const people = await Promise.all(Array.from({ length: 20 }, () => shopper()));
    await Promise.all(
      people.map((p, i) =>
        p.caller.reviews.create({ productId: product.id, rating: (i % 5) + 1, title: `R${i}`, body: "Body" }),
      ),
    );
    const reviews = await shop.prisma.review.findMany({
      where: { productId: product.id },
      select: { id: true, userId: true },
      orderBy: { id: "asc" },
    });
    const byUser = new Map(reviews.map((r) => [r.userId, r.id]));
    const asStaff = await callerFor(shop.prisma, { userId: staff });
    await Promise.all([
      ...people.slice(0, 5).map((p, i) =>
        p.caller.reviews.update({
          id: byUser.get(p.user.id) ?? 0,
          rating: 5 - (i % 5),
          title: "Edited",
          body: "Edited",
        }),
      ),
      ...people.slice(5, 9).map((p) => p.caller.reviews.delete({ id: byUser.get(p.user.id) ?? 0 })),
      ...people.slice(9, 13).map((p) => asStaff.caller.admin.reviews.hide({ id: byUser.get(p.user.id) ?? 0 })),
      ...people.slice(13, 15).map((p) => asStaff.caller.admin.reviews.delete({ id: byUser.get(p.user.id) ?? 0 })),
      ...people
        .slice(15)
        .flatMap((p) =>
          people.slice(0, 4).map((voter) => voter.caller.reviews.markHelpful({ id: byUser.get(p.user.id) ?? 0 })),
        ),
    ]);
    await Promise.all(
      people.slice(9, 11).map((p) => asStaff.caller.admin.reviews.approve({ id: byUser.get(p.user.id) ?? 0 })),
    );
    expect(await stored(shop.prisma, product.id)).toEqual(await recomputed(shop.prisma, product.id));
    const votes = await shop.prisma.reviewHelpfulVote.groupBy({
      by: ["reviewId"],
      where: { review: { productId: product.id } },
      _count: true,
    });
    for (const vote of votes) {
      expect((await shop.prisma.review.findUniqueOrThrow({ where: { id: vote.reviewId } })).helpfulCount).toBe(
        vote._count,
      );
    }
    const summary = await shop.prisma.product.findUniqueOrThrow({
      where: { id: product.id },
      select: { ratingCount: true, ratingAverage: true },
    });
    const expected = await recomputed(shop.prisma, product.id);
    expect(summary.ratingCount).toBe(expected.count);
    expect(summary.ratingAverage).toBeCloseTo(expected.average, 10);
  }, 60_000);

  it("lets only the author edit or delete a review", async () => {
    const product = await shop.make.product();
    const author = await shopper();
    const other = await shopper();
    const review = await author.caller.reviews.create({
      productId: product.id,
      rating: 4,
      title: "Mine",
      body: "Mine",
    });
    await expect(
      other.caller.reviews.update({ id: review.id, rating: 1, title: "Hacked", body: "Hacked" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.reviews.delete({ id: review.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await author.caller.reviews.mine()).map((r) => r.title)).toContain("Mine");
    expect(await other.caller.reviews.mineFor({ productId: product.id })).toBeNull();
  });
});
