import {
  ByIdSchema,
  WebhookDeliveryListSchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointUpdateSchema,
  WebhookRedeliverSchema,
} from "@shop/validators";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "../../services/webhooks/endpoints.ts";
import { adminProcedure, router } from "../../trpc.ts";

// Admins only: an endpoint receives customers' names, emails and addresses, so choosing where
// they go is an admin's decision, not every staff member's.
export const adminWebhooksRouter = router({
  list: adminProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.db)),
  get: adminProcedure.input(ByIdSchema).query(({ ctx, input }) => getWebhookEndpoint(ctx.db, input.id)),
  create: adminProcedure
    .input(WebhookEndpointCreateSchema)
    .mutation(({ ctx, input }) =>
      createWebhookEndpoint(ctx.db, ctx.auth.user, input, ctx.config.webhookPrivateUrls ?? false),
    ),
  update: adminProcedure
    .input(WebhookEndpointUpdateSchema)
    .mutation(({ ctx, input }) =>
      updateWebhookEndpoint(ctx.db, ctx.auth.user, input, ctx.config.webhookPrivateUrls ?? false),
    ),
  rotateSecret: adminProcedure
    .input(ByIdSchema)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.auth.user, input.id)),
  delete: adminProcedure
    .input(ByIdSchema)
    .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.db, ctx.auth.user, input.id)),
  deliveries: adminProcedure
    .input(WebhookDeliveryListSchema)
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, input)),
  redeliver: adminProcedure
    .input(WebhookRedeliverSchema)
    .mutation(({ ctx, input }) => redeliverWebhook(ctx.db, ctx.auth.user, input.deliveryId)),
});
