import type { PrismaClient } from "@shop/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../src/lib/rate-limit/index.ts";
import { conversionFunnel } from "../src/services/analytics/funnel.ts";
import { trackEvents } from "../src/services/analytics/track.ts";
import { saltOfTheDay, visitorId } from "../src/services/analytics/visitor.ts";
import { callerFor, setupTestShop } from "./support.ts";

const UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
const browser = { ip: "198.51.100.23", userAgent: UA };

async function eventRows(db: PrismaClient) {
  return db.analyticsEvent.findMany({
    orderBy: { id: "asc" },
    select: { type: true, visitorId: true, path: true, productId: true, step: true },
  });
}

describe("storefront analytics", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("records a batch under an anonymous daily visitor id, never the IP or user agent", async () => {
    const { caller } = await callerFor(shop.prisma, { request: browser });
    const result = await caller.analytics.track({
      events: [
        { type: "PAGE_VIEW", path: "/" },
        { type: "PRODUCT_VIEW", path: "/products/aurora-phone", productId: 7 },
        { type: "CHECKOUT_STEP", path: "/checkout", step: "details" },
      ],
    });
    expect(result).toEqual({ recorded: 3 });
    const rows = await eventRows(shop.prisma);
    expect(rows.map((row) => [row.type, row.path, row.productId, row.step])).toEqual([
      ["PAGE_VIEW", "/", null, null],
      ["PRODUCT_VIEW", "/products/aurora-phone", 7, null],
      ["CHECKOUT_STEP", "/checkout", null, "details"],
    ]);
    const ids = new Set(rows.map((row) => row.visitorId));
    expect(ids.size).toBe(1);
    const [id = ""] = ids;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(rows)).not.toContain("198.51.100.23");
    // Another browser behind the same IP is another visitor.
    const other = await callerFor(shop.prisma, { request: { ...browser, userAgent: "Mozilla/5.0 Safari/18" } });
    await other.caller.analytics.track({ events: [{ type: "PAGE_VIEW", path: "/" }] });
    expect(new Set((await eventRows(shop.prisma)).map((row) => row.visitorId)).size).toBe(2);
    // A browser that sends Do-Not-Track or Global Privacy Control is not recorded at all.
    const private_ = await callerFor(shop.prisma, { request: { ...browser, doNotTrack: true } });
    expect(await private_.caller.analytics.track({ events: [{ type: "PAGE_VIEW", path: "/" }] })).toEqual({
      recorded: 0,
    });
    expect((await eventRows(shop.prisma)).length).toBe(rows.length + 1);
  });

  it("rotates the salt daily, replacing yesterday's so old ids cannot be recomputed", async () => {
    const today = new Date("2031-03-01T10:00:00Z");
    const tomorrow = new Date("2031-03-02T00:00:01Z");
    const salt = await saltOfTheDay(shop.prisma, today);
    expect(await saltOfTheDay(shop.prisma, new Date("2031-03-01T23:59:59Z"))).toBe(salt);
    const next = await saltOfTheDay(shop.prisma, tomorrow);
    expect(next).not.toBe(salt);
    expect(visitorId(next, browser.ip, UA)).not.toBe(visitorId(salt, browser.ip, UA));
    const stored = await shop.prisma.setting.findMany({
      where: { key: { startsWith: "analytics." } },
      select: { value: true },
    });
    expect(JSON.stringify(stored)).not.toContain(salt);
    expect(JSON.stringify(stored)).toContain(next);
  });

  it("refuses anything beyond its strict input, and records nothing", async () => {
    const before = await shop.prisma.analyticsEvent.count();
    const { caller } = await callerFor(shop.prisma, { request: browser });
    const bad = [
      { events: [{ type: "PAGE_VIEW", path: "/search?q=secret" }] },
      { events: [{ type: "PAGE_VIEW", path: "/", email: "a@example.com" }] },
      { events: [{ type: "PAGE_VIEW", path: "https://evil.example/" }] },
      { events: [{ type: "PRODUCT_VIEW", path: "/p" }] },
      { events: [{ type: "CHECKOUT_STEP", path: "/checkout", step: "anything" }] },
      { events: Array.from({ length: 21 }, () => ({ type: "PAGE_VIEW", path: "/" })) },
      { events: [] },
    ];
    for (const input of bad) {
      // @ts-expect-error deliberately invalid input
      await expect(caller.analytics.track(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await shop.prisma.analyticsEvent.count()).toBe(before);
  });

  it("ignores crawlers and is rate-limited per IP", async () => {
    const before = await shop.prisma.analyticsEvent.count();
    expect(
      await trackEvents(shop.prisma, { ip: "192.0.2.1", userAgent: "Googlebot/2.1", doNotTrack: false }, [
        { type: "PAGE_VIEW", path: "/" },
      ]),
    ).toEqual({ recorded: 0 });
    expect(await shop.prisma.analyticsEvent.count()).toBe(before);
    const limits = createMemoryStore();
    const { caller } = await callerFor(shop.prisma, { request: { ...browser, ip: "192.0.2.99" }, limits });
    for (let i = 0; i < 60; i++) await caller.analytics.track({ events: [{ type: "PAGE_VIEW", path: "/" }] });
    await expect(caller.analytics.track({ events: [{ type: "PAGE_VIEW", path: "/" }] })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});

describe("the conversion funnel", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  const day = new Date("2030-06-10T00:00:00Z");
  const at = (hours: number) => new Date(day.getTime() + hours * 3_600_000);
  beforeAll(async () => {
    shop = await setupTestShop();
    const journey = (
      visitorId: string,
      types: Array<"PAGE_VIEW" | "PRODUCT_VIEW" | "ADD_TO_CART" | "CHECKOUT_STEP" | "PURCHASE">,
      hours = 5,
    ) => types.map((type) => ({ type, visitorId, path: "/", createdAt: at(hours) }));
    await shop.prisma.analyticsEvent.createMany({
      data: [
        // Ten visitors: six view a product, four add to cart, two start checkout, one buys.
        ...journey("v1", ["PAGE_VIEW", "PRODUCT_VIEW", "ADD_TO_CART", "CHECKOUT_STEP", "CHECKOUT_STEP", "PURCHASE"]),
        ...journey("v2", ["PAGE_VIEW", "PRODUCT_VIEW", "ADD_TO_CART", "CHECKOUT_STEP"]),
        ...journey("v3", ["PRODUCT_VIEW", "PRODUCT_VIEW", "ADD_TO_CART"]),
        ...journey("v4", ["PRODUCT_VIEW", "ADD_TO_CART"]),
        ...journey("v5", ["PRODUCT_VIEW"]),
        ...journey("v6", ["PRODUCT_VIEW"]),
        ...journey("v7", ["PAGE_VIEW", "PAGE_VIEW"]),
        ...journey("v8", ["PAGE_VIEW"]),
        ...journey("v9", ["PAGE_VIEW"]),
        // Skipped the product view (e.g. a cart from an earlier day): counted as a visitor only.
        ...journey("v10", ["ADD_TO_CART", "CHECKOUT_STEP", "PURCHASE"]),
        // Outside the range on both sides.
        ...journey("early", ["PAGE_VIEW", "PRODUCT_VIEW", "ADD_TO_CART", "CHECKOUT_STEP", "PURCHASE"], -1),
        ...journey("late", ["PAGE_VIEW", "PRODUCT_VIEW"], 24),
      ],
    });
  });
  afterAll(() => shop.db.close());

  it("counts unique visitors reaching each step in order, with rates", async () => {
    const funnel = await conversionFunnel(shop.prisma, { from: day, to: at(24) });
    expect(funnel.steps.map((step) => [step.key, step.visitors])).toEqual([
      ["visitors", 10],
      ["productView", 6],
      ["addToCart", 4],
      ["checkout", 2],
      ["purchase", 1],
    ]);
    expect(funnel.steps.map((step) => step.rateFromPrevious)).toEqual([1, 0.6, 4 / 6, 0.5, 0.5]);
    expect(funnel.steps.map((step) => step.rateFromStart)).toEqual([1, 0.6, 0.4, 0.2, 0.1]);
  });

  it("is empty, not an error, for a range without events, and is staff-only through the API", async () => {
    const empty = await conversionFunnel(shop.prisma, { from: new Date("2020-01-01"), to: new Date("2020-01-02") });
    expect(empty.steps.every((step) => step.visitors === 0 && step.rateFromStart === 0)).toBe(true);
    const staff = await shop.make.user({ role: "STAFF" });
    const { caller } = await callerFor(shop.prisma, { userId: staff.id });
    const funnel = await caller.admin.funnel.get({ from: day, to: at(24) });
    expect(funnel.steps[4]).toMatchObject({ key: "purchase", visitors: 1 });
    await expect(caller.admin.funnel.get({ from: at(24), to: day })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
