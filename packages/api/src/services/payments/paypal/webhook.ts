import type { PaymentEvent } from "../provider.ts";
import type { PaypalClient } from "./client.ts";
import { VerificationSchema, WebhookCaptureSchema, WebhookEventSchema } from "./schemas.ts";

export type WebhookHeaders = Record<string, string | string[] | undefined>;

const SIGNATURE_HEADERS = {
  auth_algo: "paypal-auth-algo",
  cert_url: "paypal-cert-url",
  transmission_id: "paypal-transmission-id",
  transmission_sig: "paypal-transmission-sig",
  transmission_time: "paypal-transmission-time",
} as const;

/** The events the shop acts on; the capture (or refund) they name is read again from PayPal. */
export const PAYPAL_EVENTS = new Set([
  "PAYMENT.CAPTURE.COMPLETED",
  "PAYMENT.CAPTURE.DENIED",
  "PAYMENT.CAPTURE.REFUNDED",
]);

/**
 * PayPal's documented check: the delivery's transmission headers and the event are posted to
 * /v1/notifications/verify-webhook-signature with our webhook id, and PayPal answers SUCCESS or
 * FAILURE. Missing headers or a FAILURE is null (answered 400); PayPal not answering throws (503,
 * so PayPal delivers again later). The SDK has no controller for this call, so it is built on the
 * SDK client's own request builder: the same token, timeout, agent and errors as the others.
 */
export async function verifyPaypalWebhook(
  paypal: PaypalClient,
  headers: WebhookHeaders,
  body: Buffer,
): Promise<PaymentEvent | null> {
  const signature: Record<string, string> = {};
  for (const [field, header] of Object.entries(SIGNATURE_HEADERS)) {
    const value = headers[header];
    if (typeof value !== "string" || !value) return null;
    signature[field] = value;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  const event = WebhookEventSchema.safeParse(raw);
  if (!event.success) return null;
  const answer = await paypal.call(({ client }) => {
    const request = client.getRequestBuilderFactory()("POST", "/v1/notifications/verify-webhook-signature");
    request.header("Content-Type", "application/json");
    request.json({ ...signature, webhook_id: paypal.webhookId, webhook_event: raw });
    request.authenticate([{ oauth2: true }]);
    return request.callAsText();
  });
  const verdict = VerificationSchema.parse(JSON.parse(answer));
  if (verdict.verification_status !== "SUCCESS") return null;
  const { id, event_type: type, resource } = event.data;
  if (type === "PAYMENT.CAPTURE.REFUNDED")
    return { id, type, intentId: "", refundId: typeof resource.id === "string" ? resource.id : "" };
  const orderId = WebhookCaptureSchema.safeParse(resource).data?.supplementary_data?.related_ids?.order_id;
  return { id, type, intentId: orderId ?? "" };
}
