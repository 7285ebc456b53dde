import { handlePaymentEvent, type PaymentEvent, type PaymentProvider } from "@shop/api";
import type { Database } from "@shop/db";
import type { FastifyInstance } from "fastify";

export type WebhookVerifier = (body: Buffer, signature: string) => PaymentEvent | null;

/**
 * Stripe's webhook. The signature is checked over the raw bytes (so this route keeps its body
 * unparsed), each event id is processed once, and a failure answers 500 so Stripe retries.
 */
export async function paymentWebhookRoutes(
  app: FastifyInstance,
  deps: { db: Database; provider: PaymentProvider; verify: WebhookVerifier; publicUrl: string },
) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/json",
      { parseAs: "buffer", bodyLimit: 512 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.post("/api/payment/webhook", async (request, reply) => {
      const signature = request.headers["stripe-signature"];
      if (!Buffer.isBuffer(request.body) || typeof signature !== "string")
        return reply.code(400).send({ error: "Missing signature" });
      const event = deps.verify(request.body, signature);
      if (!event) return reply.code(400).send({ error: "Invalid signature" });
      const outcome = await handlePaymentEvent(deps.db.prisma, deps.provider, event, deps.publicUrl);
      return { received: true, outcome };
    });
  });
}
