import { z } from "zod";

// The parts of PayPal's answers the shop reads (Orders v2, Payments v2, OAuth, webhooks). Parsed,
// not trusted: anything else PayPal sends is ignored, anything missing fails loudly.

const Money = z.object({ currency_code: z.string(), value: z.string() });
const Link = z.object({ href: z.string(), rel: z.string() });

export const TokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number() });

export const CaptureSchema = z.object({
  id: z.string(),
  status: z.string(),
  amount: Money.optional(),
  status_details: z.object({ reason: z.string().optional() }).optional(),
  supplementary_data: z.object({ related_ids: z.object({ order_id: z.string().optional() }).optional() }).optional(),
});

export const OrderSchema = z.object({
  id: z.string(),
  status: z.string(),
  purchase_units: z
    .array(
      z.object({
        custom_id: z.string().optional(),
        amount: Money.optional(),
        payments: z.object({ captures: z.array(CaptureSchema).optional() }).optional(),
      }),
    )
    .default([]),
  links: z.array(Link).default([]),
});
export type PaypalOrder = z.infer<typeof OrderSchema>;

export const RefundSchema = z.object({
  id: z.string(),
  status: z.string(),
  amount: Money.optional(),
  custom_id: z.string().optional(),
  links: z.array(Link).default([]),
});

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
