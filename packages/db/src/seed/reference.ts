import type { PrismaClient } from "../generated/prisma/client.ts";

// Shipping methods, tax rates, coupons and settings: small, so typed Prisma upserts.

export const shippingMethods = [
  {
    code: "standard",
    name: "Standard",
    description: "3–5 business days",
    price: 499,
    freeOverSubtotal: 5_000,
    minDays: 3,
    maxDays: 5,
    position: 0,
  },
  {
    code: "express",
    name: "Express",
    description: "1–2 business days",
    price: 1_499,
    freeOverSubtotal: null,
    minDays: 1,
    maxDays: 2,
    position: 1,
  },
];

/** A simple rate table: US states charge sales tax on goods; VAT countries include shipping. */
export const taxRates = [
  { country: "US", region: "CA", name: "California sales tax", rateBps: 725, appliesToShipping: false },
  { country: "US", region: "NY", name: "New York sales tax", rateBps: 400, appliesToShipping: true },
  { country: "US", region: "TX", name: "Texas sales tax", rateBps: 625, appliesToShipping: true },
  { country: "US", region: "WA", name: "Washington sales tax", rateBps: 650, appliesToShipping: true },
  { country: "US", region: "", name: "No sales tax", rateBps: 0, appliesToShipping: false },
  { country: "GB", region: "", name: "VAT", rateBps: 2_000, appliesToShipping: true },
  { country: "DE", region: "", name: "MwSt.", rateBps: 1_900, appliesToShipping: true },
  { country: "FR", region: "", name: "TVA", rateBps: 2_000, appliesToShipping: true },
  { country: "CA", region: "", name: "GST", rateBps: 500, appliesToShipping: true },
];

const DAY = 86_400_000;

export async function seedReference(prisma: PrismaClient, now: Date) {
  for (const method of shippingMethods) {
    await prisma.shippingMethod.upsert({ where: { code: method.code }, create: method, update: {} });
  }
  for (const rate of taxRates) {
    await prisma.taxRate.upsert({
      where: { country_region: { country: rate.country, region: rate.region } },
      create: rate,
      update: {},
    });
  }
  const coupons = [
    { code: "WELCOME10", description: "10% off your order", type: "PERCENTAGE", value: 10, perCustomerLimit: 1 },
    { code: "FREESHIP", description: "Free shipping on any order", type: "FREE_SHIPPING", value: 0 },
    {
      code: "SAVE20",
      description: "$20 off orders over $200",
      type: "FIXED_AMOUNT",
      value: 2_000,
      minSubtotal: 20_000,
    },
    {
      code: "SUMMER15",
      description: "15% off (expired)",
      type: "PERCENTAGE",
      value: 15,
      startsAt: new Date(now.getTime() - 200 * DAY),
      endsAt: new Date(now.getTime() - 110 * DAY),
    },
  ] as const;
  for (const coupon of coupons) {
    await prisma.coupon.upsert({ where: { code: coupon.code }, create: coupon, update: {} });
  }
  const settings = [
    { key: "reviews.moderation", value: "publish" },
    { key: "inventory.lowStockThreshold", value: 5 },
    // Reports bucket sales by local day in this zone (an IANA name PostgreSQL knows).
    { key: "shop.timeZone", value: "America/New_York" },
  ];
  for (const setting of settings) {
    await prisma.setting.upsert({ where: { key: setting.key }, create: setting, update: {} });
  }
}
