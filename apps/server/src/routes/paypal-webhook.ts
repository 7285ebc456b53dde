import { handlePaymentEvent, type PaypalProvider } from "@shop/api";
import type { Database } from "@shop/db";
import type { FastifyInstance } from "fastify";

/**
 * PayPal's webhook (PAYMENT.CAPTURE.COMPLETED, .DENIED, .REFUNDED). Each delivery is checked
 * with PayPal's verify-webhook-signature call before anything is read from it; then it takes
 * the same path as Stripe's: each event id once, the order re-read from PayPal. PayPal not
 * answering the check is a 503, and PayPal delivers again later.
 */
export async function paypalWebhookRoutes(
  app: FastifyInstance,
  deps: { db: Database; provider: PaypalProvider; publicUrl: string },
) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/json",
      { parseAs: "buffer", bodyLimit: 512 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.post("/api/payment/paypal/webhook", async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) return reply.code(400).send({ error: "Missing body" });
      const event = await deps.provider.parseWebhook(request.headers, request.body);
      if (!event) return reply.code(400).send({ error: "Invalid signature" });
      const outcome = await handlePaymentEvent(deps.db.prisma, deps.provider, event, deps.publicUrl);
      return { received: true, outcome };
    });
  });
}
