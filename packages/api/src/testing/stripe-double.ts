import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import Stripe from "stripe";

// A local stand-in for the parts of Stripe's API the shop calls (PaymentIntents and Refunds),
// so the real `stripe` SDK can be tested offline. It honours Idempotency-Key like Stripe does
// and can be told to make an intent succeed or fail, as a shopper's card would.

type Intent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  last_payment_error: { message: string } | null;
  created: number;
};

const id = (prefix: string) => `${prefix}_${randomBytes(10).toString("hex")}`;

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startStripeDouble() {
  const intents = new Map<string, Intent>();
  const refunds = new Map<string, { id: string; amount: number; payment_intent: string; status: string }>();
  const idempotent = new Map<string, unknown>();
  const calls: string[] = [];

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stripe.local");
    const form = request.method === "POST" ? await readForm(request) : new URLSearchParams();
    calls.push(`${request.method} ${url.pathname}`);
    const key = request.headers["idempotency-key"];
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
      response.end(JSON.stringify(body));
    };
    const cacheKey = typeof key === "string" ? `${url.pathname}:${key}` : null;
    if (cacheKey && idempotent.has(cacheKey)) return reply(200, idempotent.get(cacheKey));
    const remember = (body: unknown) => {
      if (cacheKey) idempotent.set(cacheKey, body);
      reply(200, body);
    };

    const match = /^\/v1\/payment_intents(?:\/([^/]+))?(?:\/(cancel))?$/.exec(url.pathname);
    if (match && request.method === "POST" && !match[1]) {
      const metadata: Record<string, string> = {};
      for (const [name, value] of form) {
        const field = /^metadata\[(.+)\]$/.exec(name);
        if (field?.[1]) metadata[field[1]] = value;
      }
      const intentId = id("pi");
      const intent: Intent = {
        id: intentId,
        object: "payment_intent",
        amount: Number(form.get("amount")),
        amount_received: 0,
        currency: String(form.get("currency")),
        status: "requires_payment_method",
        client_secret: `${intentId}_secret_${randomBytes(8).toString("hex")}`,
        metadata,
        last_payment_error: null,
        created: Math.floor(Date.now() / 1000),
      };
      intents.set(intent.id, intent);
      return remember(intent);
    }
    if (match?.[1]) {
      const intent = intents.get(match[1]);
      if (!intent)
        return reply(404, {
          error: { type: "invalid_request_error", message: `No such payment_intent: '${match[1]}'` },
        });
      if (match[2] === "cancel") {
        if (intent.status === "succeeded")
          return reply(400, {
            error: { type: "invalid_request_error", message: "This PaymentIntent has already succeeded" },
          });
        intent.status = "canceled";
      }
      return remember(intent);
    }
    if (url.pathname === "/v1/refunds" && request.method === "POST") {
      const intent = intents.get(String(form.get("payment_intent")));
      const amount = Number(form.get("amount"));
      const refunded = [...refunds.values()]
        .filter((r) => r.payment_intent === intent?.id)
        .reduce((sum, r) => sum + r.amount, 0);
      if (!intent || intent.status !== "succeeded" || refunded + amount > intent.amount_received) {
        return reply(400, { error: { type: "invalid_request_error", message: "Refund amount exceeds the charge" } });
      }
      const refund = { id: id("re"), object: "refund", amount, payment_intent: intent.id, status: "succeeded" };
      refunds.set(refund.id, refund);
      return remember(refund);
    }
    reply(404, {
      error: {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${request.method}: ${url.pathname})`,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const intentOrThrow = (intentId: string) => {
    const intent = intents.get(intentId);
    if (!intent) throw new Error(`no intent ${intentId}`);
    return intent;
  };

  return {
    api: { host: "127.0.0.1", port, protocol: "http" as const },
    calls,
    intents,
    refunds,
    /** The shopper's card went through (what Stripe.js confirming a payment would do). */
    succeed(intentId: string, amountReceived?: number) {
      const intent = intentOrThrow(intentId);
      intent.status = "succeeded";
      intent.amount_received = amountReceived ?? intent.amount;
      intent.last_payment_error = null;
      return intent;
    },
    decline(intentId: string, message = "Your card was declined.") {
      const intent = intentOrThrow(intentId);
      intent.status = "requires_payment_method";
      intent.last_payment_error = { message };
      return intent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A webhook delivery as Stripe sends it, signed with the SDK's own test helper. */
export function signedEvent(secret: string, event: { id?: string; type: string; intent: object }) {
  const payload = JSON.stringify({
    id: event.id ?? id("evt"),
    object: "event",
    type: event.type,
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    data: { object: event.intent },
  });
  const stripe = new Stripe("sk_test_signing_only");
  return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}
