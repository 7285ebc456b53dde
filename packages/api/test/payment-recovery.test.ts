import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../src/errors.ts";
import { expireReservations } from "../src/services/orders/expire.ts";
import { reconcilePayments } from "../src/services/payments/reconcile.ts";
import type { PaymentProvider } from "../src/services/payments/provider.ts";
import { createStripeProvider } from "../src/services/payments/stripe.ts";
import { createTestProvider } from "../src/services/payments/test-provider.ts";
import { startStripeDouble } from "../src/testing/stripe-double.ts";
import { card, checkoutInput, guestShopper, setupCheckoutReference } from "./shop-fixtures.ts";
import { setupTestShop } from "./support.ts";

// The card is charged, then recording the payment fails (a trigger makes the first attempt
// raise, as a database hiccup would). Whoever comes next (the reconciliation job, or the expiry
// job asking the provider before it cancels) must record it: a paid order is never cancelled.

const URL = "http://shop.test";
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("a charge whose recording failed", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let stripe: Awaited<ReturnType<typeof startStripeDouble>>;
  beforeAll(async () => {
    shop = await setupTestShop();
    await setupCheckoutReference(shop.prisma);
    stripe = await startStripeDouble();
    await shop.db.sql.exec(`
      CREATE SEQUENCE fault_recording;
      CREATE FUNCTION fault_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A sequence is not rolled back with the failed transaction: it fails exactly once per arming.
        IF NEW."status" = 'SUCCEEDED' AND OLD."status" <> 'SUCCEEDED' AND nextval('fault_recording') = 1 THEN
          RAISE EXCEPTION 'injected fault: recording the payment failed';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fault_fail_once BEFORE UPDATE ON "Payment" FOR EACH ROW EXECUTE FUNCTION fault_fail_once();`);
  });
  afterAll(async () => {
    await stripe.close();
    await shop.db.close();
  });

  const arm = () => shop.db.sql.exec(`ALTER SEQUENCE fault_recording RESTART`);
  const disarm = () => shop.db.sql.exec(`SELECT setval('fault_recording', 100)`);

  /** A guest's order of 2 units out of 5, placed through the API with `provider`. */
  async function placeOrder(provider: PaymentProvider, email: string) {
    const variantId = (await shop.make.product({ variants: [{ price: 3_000, stock: 5 }] })).variants[0]?.id ?? 0;
    const guest = await guestShopper(shop.prisma, { payments: provider });
    await guest.call((c) => c.cart.add({ variantId, quantity: 2 }));
    const placed = await guest.call((c) => c.checkout.placeOrder(checkoutInput({ email })));
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { number: placed.order.number } });
    return { guest, placed, order, variantId };
  }

  /** Paid once, held stock, one confirmation, never cancelled, nothing refunded. */
  async function expectPaidOnce(orderId: number, variantId: number, email: string) {
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      select: {
        paymentStatus: true,
        state: true,
        payments: { select: { status: true } },
        events: { select: { toStatus: true } },
      },
    });
    expect(order).toMatchObject({ paymentStatus: "PAID", state: "OPEN" });
    expect(order.payments).toEqual([{ status: "SUCCEEDED" }]);
    expect(order.events.map((event) => event.toStatus)).toEqual(["PENDING", "PAID"]);
    expect(await shop.prisma.refund.count({ where: { orderId } })).toBe(0);
    expect(
      await shop.prisma.variant.findUniqueOrThrow({
        where: { id: variantId },
        select: { stockOnHand: true, reserved: true },
      }),
    ).toEqual({ stockOnHand: 5, reserved: 2 });
    expect(await shop.prisma.emailOutbox.count({ where: { to: email, template: "order-confirmed" } })).toBe(1);
    expect(await shop.prisma.emailOutbox.count({ where: { to: email, template: "order-cancelled" } })).toBe(0);
  }

  it("is paid, not cancelled, when the reservation expires (test provider)", async () => {
    const provider = createTestProvider(shop.prisma);
    const { guest, placed, order, variantId } = await placeOrder(provider, "expiry@example.com");
    await arm();
    const pay = () =>
      guest.call((c) =>
        c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
      );
    await expect(pay()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    // Paying again: the provider says it already succeeded; the order is still unpaid on our side.
    await expect(pay()).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await shop.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PENDING");

    expect(await expireReservations(shop.prisma, provider, URL, later(16))).toBe(0);
    await expectPaidOnce(order.id, variantId, "expiry@example.com");
    // A later run finds nothing to do.
    expect(await expireReservations(shop.prisma, provider, URL, later(30))).toBe(0);
  });

  it("is recorded by the reconciliation job before any expiry, once across two racing workers", async () => {
    const provider = createTestProvider(shop.prisma);
    const { guest, placed, order, variantId } = await placeOrder(provider, "reconcile@example.com");
    await arm();
    await expect(
      guest.call((c) =>
        c.payments.testConfirm({ clientSecret: placed.payment?.clientSecret ?? "", ...card("4242424242424242") }),
      ),
    ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    const runs = await Promise.all([
      reconcilePayments(shop.prisma, provider, URL, 0),
      reconcilePayments(shop.prisma, provider, URL, 0),
    ]);
    expect(runs.reduce((sum, paid) => sum + paid, 0)).toBe(1);
    await expectPaidOnce(order.id, variantId, "reconcile@example.com");
  });

  it("is paid, not cancelled, at expiry with Stripe when the webhook never came", async () => {
    await disarm();
    const provider = createStripeProvider({
      secretKey: "sk_test",
      publishableKey: "pk_test",
      webhookSecret: "whsec_x",
      api: stripe.api,
    });
    const { order, variantId } = await placeOrder(provider, "stripe.expiry@example.com");
    const payment = await shop.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    stripe.succeed(payment.providerRef ?? ""); // the shopper paid in Stripe's form, then closed the tab
    expect(await expireReservations(shop.prisma, provider, URL, later(16))).toBe(0);
    await expectPaidOnce(order.id, variantId, "stripe.expiry@example.com");
  });

  it("leaves an order alone while the provider cannot be asked, and cancels it once the provider says unpaid", async () => {
    const real = createTestProvider(shop.prisma);
    const down = new AppError("UNAVAILABLE", "The payment provider is not answering.");
    const unreachable: PaymentProvider = {
      ...real,
      retrieveIntent: () => Promise.reject(down),
      cancelIntent: () => Promise.reject(down),
    };
    const { order, variantId } = await placeOrder(real, "unknown@example.com");
    expect(await expireReservations(shop.prisma, unreachable, URL, later(16))).toBe(0);
    expect((await shop.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PENDING");
    // Claimed for two minutes by that run; after the lease, the provider answers: never paid.
    expect(await expireReservations(shop.prisma, real, URL, later(17))).toBe(0);
    expect(await expireReservations(shop.prisma, real, URL, later(19))).toBe(1);
    expect((await shop.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).state).toBe("CANCELLED");
    const payment = await shop.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment.status).toBe("CANCELLED");
    expect((await real.retrieveIntent(payment.providerRef ?? "")).status).toBe("canceled");
    expect(
      await shop.prisma.variant.findUniqueOrThrow({
        where: { id: variantId },
        select: { stockOnHand: true, reserved: true },
      }),
    ).toEqual({ stockOnHand: 5, reserved: 0 });
  });
});
