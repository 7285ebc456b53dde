import {
  CaptureStatus,
  CheckoutPaymentIntent,
  OrderStatus,
  PaypalExperienceUserAction,
  PaypalWalletContextShippingPreference,
  RefundStatus,
  type Order,
} from "@paypal/paypal-server-sdk";
import { AppError } from "../../../errors.ts";
import type { IntentStatus, PaymentEvent, PaymentProvider, ProviderIntent } from "../provider.ts";
import { createPaypalClient, PaypalRefusal, type PaypalSettings } from "./client.ts";
import { fromPaypalValue, PAYPAL_CURRENCIES, toPaypalValue } from "./money.ts";
import { verifyPaypalWebhook, type WebhookHeaders } from "./webhook.ts";

/** A capture that holds the money (refunds do not undo "succeeded", as with Stripe). */
const TAKEN = new Set<string>([CaptureStatus.Completed, CaptureStatus.PartiallyRefunded, CaptureStatus.Refunded]);

/** A PayPal order (the SDK's model) in the shop's intent vocabulary (Stripe's), so syncPayment applies it unchanged. */
export function toIntent(order: Order): ProviderIntent {
  const unit = order.purchaseUnits?.[0];
  const currency = unit?.amount?.currencyCode ?? "USD";
  const captures = unit?.payments?.captures ?? [];
  const taken = captures.filter((capture) => capture.status && TAKEN.has(capture.status));
  const refused = captures.find(
    (capture) => capture.status === CaptureStatus.Declined || capture.status === CaptureStatus.Failed,
  );
  const status: IntentStatus = taken.length
    ? "succeeded"
    : captures.some((capture) => capture.status === CaptureStatus.Pending)
      ? "processing"
      : refused
        ? "requires_payment_method"
        : order.status === OrderStatus.Approved
          ? "requires_confirmation"
          : order.status === OrderStatus.Voided
            ? "canceled"
            : "requires_action";
  const paymentId = Number(unit?.customId);
  if (!order.id) throw new Error("PayPal sent an order without an id");
  return {
    id: order.id,
    status,
    amount: unit?.amount ? fromPaypalValue(unit.amount.value, currency) : 0,
    amountReceived: taken.reduce(
      (sum, capture) => sum + (capture.amount ? fromPaypalValue(capture.amount.value, currency) : 0),
      0,
    ),
    currency: currency.toLowerCase(),
    paymentId: Number.isInteger(paymentId) && paymentId > 0 ? paymentId : null,
    clientSecret: null,
    approvalUrl: order.links?.find((link) => link.rel === "payer-action" || link.rel === "approve")?.href ?? null,
    lastError: refused
      ? `PayPal declined the payment${refused.statusDetails?.reason ? ` (${refused.statusDetails.reason})` : ""}.`
      : null,
  };
}

export type PaypalProvider = PaymentProvider & {
  /** Checks a delivery with PayPal's verify-webhook-signature call; null when PayPal says it is not genuine. */
  parseWebhook(headers: WebhookHeaders, body: Buffer): Promise<PaymentEvent | null>;
};

/**
 * PayPal Orders v2 with intent CAPTURE: the server creates the order for its own amount, the
 * shopper approves it on PayPal's page, and the server captures it. Every call carries a
 * PayPal-Request-Id derived from our ids, so a retry is the same order, capture or refund.
 */
export function createPaypalProvider(settings: PaypalSettings): PaypalProvider {
  const paypal = createPaypalClient(settings);
  const getOrder = (id: string) => paypal.call(({ orders }) => orders.getOrder({ id }));
  const refused = (error: unknown, issue: string) => error instanceof PaypalRefusal && error.issue === issue;
  return {
    name: "paypal",
    async createIntent(input) {
      const code = input.currency.toUpperCase();
      const body = {
        intent: CheckoutPaymentIntent.Capture,
        purchaseUnits: [
          {
            referenceId: `order-${input.orderId}`,
            customId: String(input.paymentId),
            amount: { currencyCode: code, value: toPaypalValue(input.amount, code) },
          },
        ],
        paymentSource: {
          paypal: {
            experienceContext: {
              returnUrl: input.returnUrl,
              cancelUrl: input.cancelUrl,
              userAction: PaypalExperienceUserAction.PayNow,
              shippingPreference: PaypalWalletContextShippingPreference.NoShipping,
            },
          },
        },
      };
      const order = await paypal.call(({ orders }) =>
        orders.createOrder({ body, paypalRequestId: input.idempotencyKey, prefer: "return=representation" }),
      );
      return toIntent(order);
    },
    retrieveIntent: async (id) => toIntent(await getOrder(id)),
    /**
     * PayPal has no void for an order that was never captured: it simply expires. The shop
     * captures only open payments, so once ours is cancelled nothing can be taken; a capture
     * that had already happened is reported as such.
     */
    async cancelIntent(id) {
      const intent = toIntent(await getOrder(id));
      return intent.status === "succeeded" || intent.status === "processing"
        ? intent
        : { ...intent, status: "canceled" };
    },
    async capture(id, idempotencyKey) {
      try {
        await paypal.call(({ orders }) =>
          orders.captureOrder({ id, paypalRequestId: idempotencyKey, prefer: "return=representation" }),
        );
      } catch (error) {
        if (refused(error, "INSTRUMENT_DECLINED"))
          throw new AppError("PRECONDITION_FAILED", "PayPal declined that way to pay; please choose another at PayPal");
        if (refused(error, "ORDER_NOT_APPROVED"))
          throw new AppError("PRECONDITION_FAILED", "This payment was not approved at PayPal");
        // Captured already (a retry whose first answer was lost): the order says how.
        if (!refused(error, "ORDER_ALREADY_CAPTURED")) throw error;
      }
      return toIntent(await getOrder(id));
    },
    async refund(input) {
      const order = await getOrder(input.intentId);
      const capture = order.purchaseUnits?.[0]?.payments?.captures?.find((one) => one.status && TAKEN.has(one.status));
      const currency = order.purchaseUnits?.[0]?.amount?.currencyCode;
      const captureId = capture?.id;
      if (!captureId || !currency) throw new AppError("PRECONDITION_FAILED", "This PayPal payment was never captured");
      try {
        const refund = await paypal.call(({ payments }) =>
          payments.refundCapturedPayment({
            captureId,
            paypalRequestId: input.idempotencyKey,
            prefer: "return=representation",
            // custom_id tells our own refunds apart when PayPal's REFUNDED webhook comes back.
            body: {
              amount: { currencyCode: currency, value: toPaypalValue(input.amount, currency) },
              customId: input.idempotencyKey,
            },
          }),
        );
        if (!refund.id) throw new Error("PayPal sent a refund without an id");
        const status =
          refund.status === RefundStatus.Completed
            ? "succeeded"
            : refund.status === RefundStatus.Pending
              ? "pending"
              : "failed";
        return { id: refund.id, status };
      } catch (error) {
        if (error instanceof PaypalRefusal)
          throw new AppError("PRECONDITION_FAILED", `PayPal refused the refund: ${error.message}`);
        throw error;
      }
    },
    clientConfig: () => ({ provider: "paypal" }),
    parseWebhook: (headers, body) => verifyPaypalWebhook(paypal, headers, body),
    async retrieveRefund(refundId) {
      const refund = await paypal.call(({ payments }) => payments.getRefund({ refundId }));
      const captureUrl = refund.links?.find((link) => link.rel === "up")?.href ?? "";
      const captureId = /\/captures\/([^/?]+)/.exec(captureUrl)?.[1];
      if (!captureId || !refund.amount) throw new Error(`PayPal refund ${refundId} names no capture or amount`);
      const capture = await paypal.call(({ payments }) => payments.getCapturedPayment({ captureId }));
      const intentId = capture.supplementaryData?.relatedIds?.orderId;
      if (!intentId) throw new Error(`PayPal capture ${captureId} names no order`);
      return {
        id: refund.id ?? refundId,
        intentId,
        amount: fromPaypalValue(refund.amount.value, refund.amount.currencyCode),
        customId: refund.customId ?? null,
      };
    },
  };
}

/** Whether PayPal can be offered in the shop's currency at all. */
export const paypalTakes = (currency: string) => PAYPAL_CURRENCIES.has(currency.toUpperCase());
