import { z } from "zod";

// The parts of PayPal's JSON the shop reads itself: error bodies, the webhook check's verdict
// and webhook deliveries (the SDK's own models cover orders, captures and refunds). Parsed, not
// trusted: anything else PayPal sends is ignored.

export const ErrorSchema = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  details: z.array(z.object({ issue: z.string().optional(), description: z.string().optional() })).optional(),
});

export const VerificationSchema = z.object({ verification_status: z.string() });

export const WebhookEventSchema = z.object({
  id: z.string().min(1),
  event_type: z.string(),
  resource: z.record(z.string(), z.unknown()).default({}),
});

/** A capture as a PAYMENT.CAPTURE.* delivery carries it: only the order it belongs to is read. */
export const WebhookCaptureSchema = z.object({
  supplementary_data: z.object({ related_ids: z.object({ order_id: z.string().optional() }).optional() }).optional(),
});
