import type { PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../context.ts";
import { AppError, isUniqueViolation } from "../../errors.ts";
import { sqlOf, type Sql } from "../../lib/sql.ts";
import type { AddressData } from "../account/addresses.ts";
import type { CartOwner } from "../cart/owner.ts";
import { insertOrder } from "./insert-order.ts";
import { loadCheckout, orderableCart, priceCheckout } from "./load.ts";

export type PlaceOrderInput = {
  owner: CartOwner;
  userId: number | null;
  email: string;
  shippingAddress: AddressData;
  billingAddress: AddressData | null;
  shippingMethod: string;
  idempotencyKey: string;
};

/**
 * Turns the cart into an order, all or nothing: prices from the database, stock reserved by
 * conditional updates (never below zero), the coupon redeemed within its limits, prices and
 * addresses snapshotted, the payment record created, the ordered lines taken out of the cart.
 * A replay with the same idempotency key returns the same order.
 *
 * Two statements in the common case: read everything (loadCheckout), then write it all in one
 * statement (insertOrder); see "Checkout performance" in docs/architecture.md.
 */
export async function placeOrder(
  db: PrismaClient,
  config: Pick<ApiConfig, "currency" | "reservationMinutes">,
  providerName: string,
  input: PlaceOrderInput,
) {
  const sql = sqlOf(db);
  const loaded = await loadCheckout(sql, {
    idempotencyKey: input.idempotencyKey,
    owner: input.owner,
    country: input.shippingAddress.country,
    region: input.shippingAddress.region ?? null,
    shippingMethod: input.shippingMethod,
  });
  if (loaded.existing) return replayed(loaded.existing, input);
  const checkout = orderableCart(loaded);
  const place = async (run: Sql) => {
    const priced = await priceCheckout(run, checkout, { userId: input.userId, email: input.email }, config.currency);
    const order = await insertOrder(run, {
      ...input,
      currency: config.currency,
      reservationMs: config.reservationMinutes * 60_000,
      providerName,
      cartId: checkout.cartId,
      cartItemIds: checkout.items.map((item) => item.id),
      method: checkout.shippingMethod,
      priced,
    });
    const { id, paymentId, ...summary } = order;
    return {
      orderId: id,
      order: summary,
      payment: { id: paymentId, amount: summary.total, currency: summary.currency },
      created: true,
    };
  };
  try {
    // One statement is atomic on its own; a per-customer coupon limit also needs its lock held.
    return checkout.coupon?.perCustomerLimit ? await sql.transaction(place) : await place(sql);
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal?.startsWith("OUT_OF_STOCK")) {
      const short = checkout.items.find((item) => refusal === `OUT_OF_STOCK:${item.variantId}`);
      throw new AppError(
        "PRECONDITION_FAILED",
        `Sorry, ${short?.name ?? "an item"} is no longer available in that quantity.`,
        { reason: "OUT_OF_STOCK" },
      );
    }
    if (refusal === "COUPON") {
      const code = checkout.coupon?.code ?? "";
      throw new AppError(
        "PRECONDITION_FAILED",
        `The code ${code} has reached its usage limit. Remove it to continue.`,
        { reason: "COUPON" },
      );
    }
    // A double submission raced us: the other one created the order; return it.
    if (isUniqueViolation(error)) {
      const raced = await loadCheckout(sql, {
        idempotencyKey: input.idempotencyKey,
        owner: input.owner,
        country: input.shippingAddress.country,
        region: null,
        shippingMethod: input.shippingMethod,
      });
      if (raced.existing) return replayed(raced.existing, input);
    }
    throw error;
  }
}

/** The reason given to `shop_refuse` (SQLSTATE SR001) by the order statement, if that is what failed. */
function refusalOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error) || error.code !== "SR001") return null;
  return "message" in error && typeof error.message === "string" ? error.message : null;
}

function replayed(order: NonNullable<Awaited<ReturnType<typeof loadCheckout>>["existing"]>, input: PlaceOrderInput) {
  if (order.userId !== input.userId || order.email !== input.email) {
    throw new AppError("CONFLICT", "This checkout key belongs to another order");
  }
  const { id, userId: _owner, ...summary } = order;
  return { orderId: id, order: summary, payment: null, created: false };
}
