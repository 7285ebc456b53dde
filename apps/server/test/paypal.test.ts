import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPaypalProvider, expireReservations, reconcilePayments } from "@shop/api";
import { startPaypalDouble } from "@shop/api/testing";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, paymentsFrom, type Payments } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

const PUBLIC_URL = "https://shop.example";

describe("PayPal beside the card, through the PayPal provider against a local PayPal double", () => {
  let db: TestDatabase;
  let paypal: Awaited<ReturnType<typeof startPaypalDouble>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let payments: Payments;
  const jar = new Map<string, string>();

  const envFor = (extra: Record<string, string>) =>
    parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL,
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-paypal-")),
      ...extra,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    paypal = await startPaypalDouble();
    const env = envFor({ ...paypal.serverEnv(), PAYPAL_TIMEOUT_MS: "1000" });
    payments = paymentsFrom(env, db);
    app = await buildApp(env, db, { payments });
    await db.prisma.shippingMethod.create({
      data: { code: "standard", name: "Standard", price: 500, minDays: 3, maxDays: 5 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await paypal?.close();
    await db?.close();
  });

  /** tRPC over HTTP like the storefront, carrying cookies. */
  async function trpc(path: string, input: unknown, method: "GET" | "POST" = "POST") {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = { "content-type": "application/json", origin: PUBLIC_URL, cookie };
    const response =
      method === "POST"
        ? await app.inject({ method, url: `/trpc/${path}`, headers, payload: { json: input } })
        : await app.inject({
            method,
            url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
            headers,
          });
    for (const header of [response.headers["set-cookie"]].flat()) {
      const [pair] = String(header ?? "").split(";");
      const [name, value] = (pair ?? "").split("=");
      if (name && value !== undefined) jar.set(name, value);
    }
    return response.json();
  }

  async function placeOrder(email: string, price = 4_200, keepSession = false) {
    const product = await factories(db.prisma).product({ variants: [{ price, stock: 3 }] });
    if (!keepSession) jar.clear();
    await trpc("cart.add", { variantId: product.variants[0]?.id });
    const placed = await trpc("checkout.placeOrder", {
      idempotencyKey: crypto.randomUUID(),
      email,
      shippingAddress: { fullName: "Ada", line1: "1 Main St", city: "Paris", postalCode: "75001", country: "FR" },
      shippingMethod: "standard",
    });
    return { ...placed.result.data.json, variantId: product.variants[0]?.id ?? 0 };
  }

  /** The shopper chooses PayPal at the payment step: the server answers PayPal's approval page. */
  async function choosePaypal(placed: { order: { number: number }; key: string }) {
    const answer = await trpc("checkout.payment", { number: placed.order.number, key: placed.key, method: "paypal" });
    const payment = answer.result.data.json;
    const order = paypal.orders.get(payment.intentId);
    if (!order) throw new Error("no PayPal order");
    return { payment, order };
  }

  const orderRow = (number: number) =>
    db.prisma.order.findUniqueOrThrow({
      where: { number },
      select: {
        id: true,
        state: true,
        paymentStatus: true,
        cancelReason: true,
        refundedTotal: true,
        payments: { select: { provider: true, status: true }, orderBy: { id: "asc" } },
      },
    });

  const webhook = (delivery: { body: string; headers: Record<string, string> }) =>
    app.inject({
      method: "POST",
      url: "/api/payment/paypal/webhook",
      headers: delivery.headers,
      payload: delivery.body,
    });

  it("offers PayPal beside the card only when configured", async () => {
    const config = await app.inject({ method: "GET", url: "/trpc/checkout.paymentConfig" });
    expect(config.json().result.data.json).toEqual({ provider: "test", methods: ["card", "paypal"] });
    const plain = await buildApp(envFor({}), db);
    const without = await plain.inject({ method: "GET", url: "/trpc/checkout.paymentConfig" });
    expect(without.json().result.data.json).toEqual({ provider: "test", methods: ["card"] });
    expect((await plain.inject({ method: "POST", url: "/api/payment/paypal/webhook", payload: {} })).statusCode).toBe(
      404,
    );
    await plain.close();
    expect(() => envFor({ PAYPAL_CLIENT_ID: "only-the-id" })).toThrow(/go together/);
    expect(() => envFor({ PAYPAL_ENVIRONMENT: "live" })).toThrow(/PAYPAL_ENVIRONMENT: must be sandbox or production/);
    expect(() => envFor({ PAYPAL_API_BASE: "https://api-m.paypal.com" })).toThrow(/replaced by PAYPAL_ENVIRONMENT/);
    expect(() => envFor({ PAYPAL_API_ORIGIN: paypal.apiOrigin })).toThrow(/PAYPAL_API_ORIGIN and PAYPAL_API_CA go/);
    expect(envFor({}).PAYPAL_ENVIRONMENT).toBe("sandbox");
  });

  /** The User-Agent of each request the double saw for `call`. */
  const agentsOf = (call: string) => paypal.calls.flatMap((one, i) => (one === call ? [paypal.userAgents[i]] : []));
  const SDK_AGENT = /^PayPal REST API TypeScript SDK, Version: \d+\.\d+\.\d+/;

  it("creates the PayPal order for the server's amount, approves, captures on return, and the order is paid", async () => {
    const placed = await placeOrder("paypal1@example.com", 1_999);
    const { payment, order } = await choosePaypal(placed);
    expect(payment.client).toEqual({ provider: "paypal" });
    expect(payment.approvalUrl).toBe(`${paypal.approvalOrigin}/checkoutnow?token=${order.id}`);
    expect(order.purchase_units[0]?.amount).toEqual({
      currency_code: "USD",
      value: (placed.order.total / 100).toFixed(2),
    });
    expect(order.returnUrl).toBe(`${PUBLIC_URL}/order-confirmation/${placed.order.number}`);
    expect(order.cancelUrl).toBe(`${PUBLIC_URL}/checkout?pay=${placed.order.number}`);
    // Choosing PayPal again (a reload) reuses the same PayPal order.
    expect((await choosePaypal(placed)).payment.intentId).toBe(order.id);
    expect(
      [...paypal.orders.values()].filter((o) => o.purchase_units[0]?.custom_id === order.purchase_units[0]?.custom_id),
    ).toHaveLength(1);

    // The shopper clicks "Pay now" on PayPal's page and is sent back to the shop's status page.
    const page = await fetch(payment.approvalUrl);
    expect(await page.text()).toContain("Pay with PayPal");
    const back = await fetch(`${paypal.approvalOrigin}/checkoutnow`, {
      method: "POST",
      body: new URLSearchParams({ token: order.id, action: "approve" }),
      redirect: "manual",
    });
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toMatch(
      new RegExp(`^${PUBLIC_URL}/order-confirmation/${placed.order.number}\\?token=${order.id}&PayerID=`),
    );
    const confirmed = await trpc("checkout.confirm", { number: placed.order.number, key: placed.key });
    expect(confirmed.result.data.json).toMatchObject({ paymentStatus: "PAID", state: "OPEN" });
    expect(order.status).toBe("COMPLETED");
    expect((await orderRow(placed.order.number)).payments).toEqual([
      { provider: "test", status: "CANCELLED" },
      { provider: "paypal", status: "SUCCEEDED" },
    ]);
    // The card intent it replaced was voided at its provider.
    expect(
      await db.prisma.testPaymentIntent.findFirstOrThrow({ where: { clientSecret: placed.payment.clientSecret } }),
    ).toMatchObject({
      status: "canceled",
    });
    // Confirming again captures nothing twice.
    await trpc("checkout.confirm", { number: placed.order.number, key: placed.key });
    expect(paypal.calls.filter((call) => call === `POST /v2/checkout/orders/${order.id}/capture`)).toHaveLength(1);
    // One OAuth token for all of these calls: it is cached.
    expect(paypal.tokensIssued()).toBe(1);
    // Every one of them was made by PayPal's SDK (its own User-Agent), the token included.
    expect(paypal.userAgents.length).toBeGreaterThanOrEqual(5);
    for (const agent of paypal.userAgents) expect(agent).toMatch(SDK_AGENT);
    expect(agentsOf("POST /v1/oauth2/token")).toEqual([expect.stringMatching(SDK_AGENT)]);
    expect(agentsOf(`POST /v2/checkout/orders/${order.id}/capture`)).toEqual([expect.stringMatching(SDK_AGENT)]);
  });

  it("a declined capture leaves the order unpaid and out of the shopper's history, like a declined card", async () => {
    const shopper = await factories(db.prisma).user({
      email: "paypal-decline@example.com",
      password: "paying by paypal",
    });
    jar.clear();
    await trpc("auth.signIn", { email: shopper.email, password: "paying by paypal" });
    const placed = await placeOrder(shopper.email, 3_000, true);
    const { order } = await choosePaypal(placed);
    paypal.approve(order.id);
    paypal.declineCapture(order.id);
    const confirmed = await trpc("checkout.confirm", { number: placed.order.number, key: placed.key });
    expect(confirmed.result.data.json).toMatchObject({ state: "CANCELLED", paymentStatus: "FAILED" });
    const row = await orderRow(placed.order.number);
    expect(row.cancelReason).toBe("Payment failed: PayPal declined the payment (DECLINED_BY_RISK_FRAUD_FILTERS).");
    expect(row.payments.at(-1)).toEqual({ provider: "paypal", status: "FAILED" });
    expect((await trpc("orders.list", {}, "GET")).result.data.json.items).toEqual([]);
    const stock = await db.prisma.variant.findUniqueOrThrow({
      where: { id: placed.variantId },
      select: { reserved: true },
    });
    expect(stock.reserved).toBe(0);
    expect(await db.prisma.emailOutbox.count({ where: { to: shopper.email } })).toBe(0);
  });

  it("a funding source PayPal refuses at capture sends the shopper back to choose again; the order stays payable", async () => {
    const placed = await placeOrder("paypal-instrument@example.com");
    const { order } = await choosePaypal(placed);
    paypal.approve(order.id);
    paypal.refuseCapture(order.id);
    const confirmed = await trpc("checkout.confirm", { number: placed.order.number, key: placed.key });
    expect(confirmed.error.json).toMatchObject({
      message: "PayPal declined that way to pay; please choose another at PayPal",
      data: { code: "PRECONDITION_FAILED" },
    });
    expect(await orderRow(placed.order.number)).toMatchObject({ state: "OPEN", paymentStatus: "PENDING" });
    // Choosing PayPal again answers the same order's approval page, to pick another funding source.
    expect((await choosePaypal(placed)).payment.approvalUrl).toContain(order.id);
  });

  it("refunds through PayPal's captures/{id}/refund, never more than was captured", async () => {
    const placed = await placeOrder("paypal-refund@example.com", 10_000);
    const { order } = await choosePaypal(placed);
    paypal.approve(order.id);
    await trpc("checkout.confirm", { number: placed.order.number, key: placed.key });
    const staff = await factories(db.prisma).user({
      role: "STAFF",
      email: "pp-refunder@example.com",
      password: "refunding passphrase",
    });
    jar.clear();
    await trpc("auth.signIn", { email: staff.email, password: "refunding passphrase", audience: "admin" });
    const { id: orderId } = await orderRow(placed.order.number);
    const partial = await trpc("admin.orders.refund", { orderId, amount: 2_550, reason: "Scratched box" });
    expect(partial.result.data.json).toMatchObject({ refundedTotal: 2_550, paymentStatus: "PARTIALLY_REFUNDED" });
    const tooMuch = await trpc("admin.orders.refund", { orderId, amount: placed.order.total, reason: "Everything" });
    expect(tooMuch.error.json.data.code).toBe("BAD_REQUEST");
    const rest = await trpc("admin.orders.refund", { orderId, reason: "Changed mind" });
    expect(rest.result.data.json).toMatchObject({ refundedTotal: placed.order.total, paymentStatus: "REFUNDED" });
    expect([...paypal.refunds.values()].map((refund) => refund.amount.value)).toEqual([
      "25.50",
      ((placed.order.total - 2_550) / 100).toFixed(2),
    ]);
    const capture = order.purchase_units[0]?.payments?.captures[0];
    expect(capture?.status).toBe("REFUNDED");
    // PayPal's REFUNDED webhook about our own refund books nothing twice.
    const [ours] = [...paypal.refunds.values()];
    const echoed = await webhook(
      paypal.webhook({ event_type: "PAYMENT.CAPTURE.REFUNDED", resource: { id: ours?.id } }),
    );
    expect(echoed.json()).toEqual({ received: true, outcome: "already-refunded" });
    expect((await orderRow(placed.order.number)).refundedTotal).toBe(placed.order.total);
  });

  it("acts on verified webhooks only, once per event id, re-reading the order from PayPal", async () => {
    const placed = await placeOrder("paypal-webhook@example.com", 5_000);
    const { order } = await choosePaypal(placed);
    paypal.approve(order.id);
    // Captured at PayPal, but the shopper never came back: the webhook records it.
    await payments.paypal?.capture?.(order.id, "capture-elsewhere");
    const capture = order.purchase_units[0]?.payments?.captures[0];
    const event = {
      id: "WH-CAPTURE-1",
      event_type: "PAYMENT.CAPTURE.COMPLETED",
      resource: { id: capture?.id, status: "COMPLETED", supplementary_data: { related_ids: { order_id: order.id } } },
    };
    const forged = await webhook(paypal.webhook(event, true));
    expect(forged.statusCode).toBe(400);
    const unsigned = await app.inject({
      method: "POST",
      url: "/api/payment/paypal/webhook",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(event),
    });
    expect(unsigned.statusCode).toBe(400);
    expect((await orderRow(placed.order.number)).paymentStatus).toBe("PENDING");
    const first = await webhook(paypal.webhook(event));
    expect(first.json()).toEqual({ received: true, outcome: "paid" });
    expect((await webhook(paypal.webhook(event))).json()).toEqual({ received: true, outcome: "duplicate" });
    // A later DENIED event for the same order does not undo it: PayPal's order is re-read.
    const late = await webhook(paypal.webhook({ ...event, id: "WH-CAPTURE-0", event_type: "PAYMENT.CAPTURE.DENIED" }));
    expect(late.json()).toEqual({ received: true, outcome: "already-paid" });
    expect((await orderRow(placed.order.number)).paymentStatus).toBe("PAID");
    expect(await db.prisma.webhookEvent.count({ where: { provider: "paypal", eventId: "WH-CAPTURE-1" } })).toBe(1);
    // The check went through the SDK's client too (it has no controller for it).
    const checks = agentsOf("POST /v1/notifications/verify-webhook-signature");
    expect(checks.length).toBeGreaterThanOrEqual(3);
    for (const agent of checks) expect(agent).toMatch(SDK_AGENT);

    // A refund made in PayPal's dashboard is recorded once, however often PayPal tells us.
    const outside = paypal.refundOutside(order.id, "10.00");
    const refunded = paypal.webhook({ event_type: "PAYMENT.CAPTURE.REFUNDED", resource: { id: outside.id } });
    expect((await webhook(refunded)).json()).toEqual({ received: true, outcome: "refunded" });
    const again = paypal.webhook({ event_type: "PAYMENT.CAPTURE.REFUNDED", resource: { id: outside.id } });
    expect((await webhook(again)).json()).toEqual({ received: true, outcome: "already-refunded" });
    expect(await orderRow(placed.order.number)).toMatchObject({
      refundedTotal: 1_000,
      paymentStatus: "PARTIALLY_REFUNDED",
    });
  });

  it("cancelling at PayPal returns to the payment step, and the card can be chosen again", async () => {
    const placed = await placeOrder("paypal-cancel@example.com");
    const { order } = await choosePaypal(placed);
    const back = await fetch(`${paypal.approvalOrigin}/checkoutnow`, {
      method: "POST",
      body: new URLSearchParams({ token: order.id, action: "cancel" }),
      redirect: "manual",
    });
    expect(back.headers.get("location")).toBe(`${PUBLIC_URL}/checkout?pay=${placed.order.number}&token=${order.id}`);
    const card = await trpc("checkout.payment", { number: placed.order.number, key: placed.key, method: "card" });
    expect(card.result.data.json).toMatchObject({ client: { provider: "test" }, methods: ["card", "paypal"] });
    expect((await orderRow(placed.order.number)).payments).toEqual([
      { provider: "test", status: "CANCELLED" },
      { provider: "paypal", status: "CANCELLED" },
      { provider: "test", status: "PENDING" },
    ]);
    // Switching back and forth is bounded: each switch may open an order at PayPal.
    let answer = card;
    for (let i = 0; i < 10 && !answer.error; i++)
      answer = await trpc("checkout.payment", {
        number: placed.order.number,
        key: placed.key,
        method: i % 2 ? "card" : "paypal",
      });
    expect(answer.error.json.data.code).toBe("TOO_MANY_REQUESTS");
    expect(await db.prisma.payment.count({ where: { order: { number: placed.order.number } } })).toBe(10);
    // The abandoned PayPal order is never captured, even if approved later.
    paypal.approve(order.id);
    await trpc("checkout.confirm", { number: placed.order.number, key: placed.key });
    expect(paypal.calls).not.toContain(`POST /v2/checkout/orders/${order.id}/capture`);
  });

  it("reconciles without the shopper: an approved order is captured, an unapproved one expires uncaptured", async () => {
    const approved = await placeOrder("paypal-away@example.com");
    const { order: approvedAtPaypal } = await choosePaypal(approved);
    paypal.approve(approvedAtPaypal.id);
    const abandoned = await placeOrder("paypal-abandoned@example.com");
    const { order: neverApproved } = await choosePaypal(abandoned);
    // The shopper approved, then closed the tab: the job captures what they approved.
    expect(await reconcilePayments(db.prisma, payments.provider, PUBLIC_URL, 0)).toBeGreaterThanOrEqual(1);
    expect((await orderRow(approved.order.number)).paymentStatus).toBe("PAID");
    expect(approvedAtPaypal.status).toBe("COMPLETED");
    // Past the reservation, the other is cancelled; approving it later takes nothing.
    const later = new Date(Date.now() + 24 * 60 * 60_000);
    expect(await expireReservations(db.prisma, payments.provider, PUBLIC_URL, later)).toBeGreaterThanOrEqual(1);
    expect(await orderRow(abandoned.order.number)).toMatchObject({ state: "CANCELLED", paymentStatus: "VOIDED" });
    paypal.approve(neverApproved.id);
    await trpc("checkout.confirm", { number: abandoned.order.number, key: abandoned.key });
    await reconcilePayments(db.prisma, payments.provider, PUBLIC_URL, 0);
    expect(paypal.calls).not.toContain(`POST /v2/checkout/orders/${neverApproved.id}/capture`);
    expect((await orderRow(approved.order.number)).paymentStatus).toBe("PAID");
  });

  it("PayPal down: choosing it answers a clear 503 within the timeout, and the order stays payable", async () => {
    const placed = await placeOrder("paypal-down@example.com");
    paypal.stall(true);
    try {
      const started = Date.now();
      const answer = await trpc("checkout.payment", { number: placed.order.number, key: placed.key, method: "paypal" });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(answer.error.json).toMatchObject({
        message: "PayPal is not answering just now; please try again in a moment",
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 },
      });
      // A webhook PayPal cannot check right now is a 503: PayPal delivers it again later.
      const delivery = paypal.webhook({ event_type: "PAYMENT.CAPTURE.COMPLETED", resource: {} });
      expect((await webhook(delivery)).statusCode).toBe(503);
    } finally {
      paypal.stall(false);
    }
    expect((await orderRow(placed.order.number)).state).toBe("OPEN");
    const retried = await choosePaypal(placed);
    expect(retried.payment.approvalUrl).toContain("/checkoutnow?token=");
  });

  it("fetches a new token after a token request failed, and when PayPal stops accepting the old one", async () => {
    const settings = envFor({ ...paypal.serverEnv(), PAYPAL_TIMEOUT_MS: "500" }).paypal;
    if (!settings) throw new Error("PayPal is not configured");
    const fresh = createPaypalProvider(settings);
    // An order PayPal does not know: answered 404 once the call gets through with a valid token.
    const unknown = { status: 404, issue: "INVALID_RESOURCE_ID" };
    paypal.stall(true);
    try {
      await expect(fresh.retrieveIntent("NO-SUCH-ORDER")).rejects.toMatchObject({ code: "UNAVAILABLE" });
    } finally {
      paypal.stall(false);
    }
    const issued = paypal.tokensIssued();
    await expect(fresh.retrieveIntent("NO-SUCH-ORDER")).rejects.toMatchObject(unknown);
    expect(paypal.tokensIssued()).toBe(issued + 1);
    paypal.revokeTokens();
    await expect(fresh.retrieveIntent("NO-SUCH-ORDER")).rejects.toMatchObject(unknown);
    expect(paypal.tokensIssued()).toBe(issued + 2);
  });
});
