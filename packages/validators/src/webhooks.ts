import { WebhookDeliveryStatus } from "@shop/db/enums";
import { WebhookEventTypeSchema } from "@shop/webhooks/events";
import { z } from "zod";
import { IdSchema, PageSizeSchema } from "./common.ts";

const UrlSchema = z.string().trim().min(1, "Enter the URL").max(2_000, "At most 2,000 characters");
const EventsSchema = z
  .array(WebhookEventTypeSchema)
  .min(1, "Choose at least one event")
  .transform((events) => [...new Set(events)].sort());

export const WebhookEndpointCreateSchema = z
  .object({
    url: UrlSchema,
    description: z.string().trim().max(200, "At most 200 characters").default(""),
    events: EventsSchema,
  })
  .strict();

export const WebhookEndpointUpdateSchema = z
  .object({
    id: IdSchema,
    url: UrlSchema.optional(),
    description: z.string().trim().max(200, "At most 200 characters").optional(),
    events: EventsSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const WebhookDeliveryListSchema = z
  .object({
    endpointId: IdSchema,
    status: z.enum(WebhookDeliveryStatus).optional(),
    /** The last delivery id of the previous page (newest first); null on the first page. */
    cursor: IdSchema.nullish(),
    direction: z.literal("forward").optional(),
    limit: PageSizeSchema.default(25),
  })
  .strict();

export const WebhookRedeliverSchema = z.object({ deliveryId: IdSchema }).strict();
