import {
  AddressFormatSchema,
  CheckoutQuoteSchema,
  OrderAccessSchema,
  OrderPaymentSchema,
  PlaceOrderSchema,
} from "@shop/validators";
import { libraryCountries, libraryRules } from "@shop/validators/address-library";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { cartFor, cartOwner, customerOf, existingCartFor } from "../lib/cart.ts";
import { accessibleOrder } from "../lib/order-access.ts";
import { addressSelect, createAddress } from "../services/account/addresses.ts";
import { addToCart } from "../services/cart/items.ts";
import { placeOrder } from "../services/checkout/place-order.ts";
import { quoteCheckout } from "../services/checkout/quote.ts";
import { completePayment } from "../services/payments/complete.ts";
import { ensurePaymentIntent, paymentMethods } from "../services/payments/intent.ts";
import { providerFor } from "../services/payments/provider.ts";
import { mintOrderKey } from "../services/orders/access-keys.ts";
import { toOrderView } from "../services/orders/queries.ts";
import { publicProcedure, router } from "../trpc.ts";

async function shippingAddressFor(ctx: Context, choice: { addressId: number } | Parameters<typeof createAddress>[2]) {
  if (!("addressId" in choice)) return choice;
  const saved = ctx.auth
    ? await ctx.db.address.findFirst({
        where: { id: choice.addressId, userId: ctx.auth.user.id },
        select: addressSelect,
      })
    : null;
  if (!saved) throw new AppError("NOT_FOUND", "Address not found");
  const { id: _id, ...address } = saved;
  return address;
}

/** Creates (or re-reads) the provider intent; a provider outage leaves the order payable later. */
async function paymentFor(
  ctx: Context,
  order: { id: number; number: number },
  created: Parameters<typeof ensurePaymentIntent>[3]["created"],
) {
  try {
    return await ensurePaymentIntent(ctx.db, ctx.payments, order, { publicUrl: ctx.config.publicUrl, created });
  } catch (error) {
    // The order is placed either way; only a refusal (not an outage) is the shopper's to see.
    if (error instanceof AppError && error.code !== "UNAVAILABLE") throw error;
    return null;
  }
}

export const checkoutRouter = router({
  /**
   * Public payment settings for the storefront: the card provider (and Stripe's publishable key),
   * and the ways a shopper can pay (PayPal beside the card when configured).
   */
  paymentConfig: publicProcedure.query(({ ctx }) => ({
    ...ctx.payments.clientConfig(),
    methods: paymentMethods(ctx.payments),
  })),

  /** Every country an address may be in, by English name (the address library's list). */
  countries: publicProcedure.query(() => libraryCountries()),

  /** A country's address form and format: fields, labels, required fields, regions, postal code pattern. */
  addressFormat: publicProcedure.input(AddressFormatSchema).query(({ input }) => {
    const rules = libraryRules(input.country);
    if (!rules) throw new AppError("NOT_FOUND", "We do not know that country", { field: "country" });
    return rules;
  }),

  quote: publicProcedure.input(CheckoutQuoteSchema).query(async ({ ctx, input }) => ({
    ...(await quoteCheckout(ctx.db, await existingCartFor(ctx), { ...input, customer: customerOf(ctx) })),
    currency: ctx.config.currency,
  })),

  placeOrder: publicProcedure
    .meta({
      fastPath: true,
      rateLimit: { key: "checkout", max: (config) => config.checkoutPerMinute, windowMs: 60_000 },
    })
    .input(PlaceOrderSchema)
    .mutation(async ({ ctx, input }) => {
      const email = input.email ?? ctx.auth?.user.email;
      if (!email) throw new AppError("BAD_INPUT", "Enter your email address", { field: "email" });
      const shippingAddress = await shippingAddressFor(ctx, input.shippingAddress);
      const placed = await placeOrder(ctx.db, ctx.config, ctx.payments.name, {
        owner: cartOwner(ctx),
        userId: ctx.auth?.user.id ?? null,
        email,
        shippingAddress,
        billingAddress: input.billingAddress ?? null,
        shippingMethod: input.shippingMethod,
        idempotencyKey: input.idempotencyKey,
      });
      if (placed.created && input.saveAddress && ctx.auth && !("addressId" in input.shippingAddress)) {
        await createAddress(ctx.db, ctx.auth.user.id, shippingAddress).catch(() => undefined); // a full address book must not fail a paid-for checkout
      }
      const { order } = placed;
      const created = placed.payment
        ? { ...placed.payment, providerRef: null, provider: ctx.payments.name }
        : undefined;
      return {
        order,
        payment:
          order.paymentStatus === "PENDING"
            ? await paymentFor(ctx, { id: placed.orderId, number: order.number }, created)
            : null,
        reservationMinutes: ctx.config.reservationMinutes,
        // The order's secret link, for the confirmation page; a replay gets a fresh one (the first
        // answer may never have arrived), the same way every placement does.
        key: await mintOrderKey(ctx.db, placed.orderId),
      };
    }),

  /**
   * The payment form for an unpaid order (after a reload, a provider hiccup, or coming back from
   * PayPal), with the way to pay the shopper chose: `paypal` answers PayPal's approval page.
   */
  payment: publicProcedure.input(OrderPaymentSchema).mutation(async ({ ctx, input }) => {
    const { method, ...access } = input;
    const order = await accessibleOrder(ctx, access);
    return ensurePaymentIntent(ctx.db, ctx.payments, order, { publicUrl: ctx.config.publicUrl, method });
  }),

  /**
   * The success page asks the provider directly (through the same idempotent fulfilment as the
   * webhook), so the order is up to date even if the webhook is late. It is also where PayPal
   * sends the shopper back after approving: an approved PayPal payment is captured here.
   */
  confirm: publicProcedure.input(OrderAccessSchema).mutation(async ({ ctx, input }) => {
    const order = await accessibleOrder(ctx, input);
    const payment = await ctx.db.payment.findFirst({
      where: { orderId: order.id },
      orderBy: { id: "desc" },
      select: { id: true, provider: true },
    });
    if (payment)
      await completePayment(ctx.db, providerFor(ctx.payments, payment.provider), payment.id, ctx.config.publicUrl);
    return toOrderView(ctx.config, await accessibleOrder(ctx, input));
  }),

  /** Puts a cancelled order's items back in the cart, to try again (e.g. after a declined card). */
  retry: publicProcedure.input(OrderAccessSchema).mutation(async ({ ctx, input }) => {
    const order = await accessibleOrder(ctx, input);
    if (order.state !== "CANCELLED")
      throw new AppError("PRECONDITION_FAILED", "Only a cancelled order can be tried again");
    const cartId = await cartFor(ctx);
    const items = await ctx.db.orderItem.findMany({
      where: { orderId: order.id, variantId: { not: null } },
      select: { variantId: true, quantity: true },
    });
    let restored = 0;
    for (const item of items) {
      if (item.variantId === null) continue;
      await addToCart(ctx.db, cartId, { variantId: item.variantId, quantity: item.quantity }).then(
        () => restored++,
        () => undefined, // sold out meanwhile: the cart shows what could be restored
      );
    }
    return { restored, of: items.length };
  }),
});
