import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { join } from "node:path";

// A local stand-in for the parts of PayPal's REST API the shop calls (OAuth token, Orders v2,
// captures, refunds, verify-webhook-signature), plus the approval page a shopper clicks through,
// so the PayPal provider can be tested offline. It honours PayPal-Request-Id like PayPal does.
// The API speaks HTTPS with a self-signed certificate for api-m.sandbox.paypal.com (a test-only
// key, committed beside this file): PayPal's SDK only calls PayPal's own hosts, so the server is
// started with PAYPAL_API_ORIGIN and PAYPAL_API_CA (`serverEnv()`) and its agent connects here.
// The approval page is plain HTTP on a second port, as PayPal's is on www.paypal.com.

const TLS_DIR = join(import.meta.dirname, "paypal-double-tls");
const CERT_PATH = join(TLS_DIR, "test-only-cert.pem");

type Money = { currency_code: string; value: string };
type Capture = {
  id: string;
  status: string;
  amount: Money;
  status_details?: { reason: string };
  supplementary_data: { related_ids: { order_id: string } };
};
type Order = {
  id: string;
  status: string;
  purchase_units: Array<{
    reference_id?: string;
    custom_id?: string;
    amount: Money;
    payments?: { captures: Capture[] };
  }>;
  links: Array<{ href: string; rel: string }>;
  returnUrl: string;
  cancelUrl: string;
  declineCapture: string | null;
  refuseCapture: string | null;
};
type Refund = {
  id: string;
  status: string;
  amount: Money;
  custom_id?: string;
  links: Array<{ href: string; rel: string }>;
};

const SIGNING = randomBytes(16).toString("hex");
const upper = (length: number) =>
  Array.from(randomBytes(length), (byte) => "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"[byte % 34]).join("");
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
const text = (value: unknown) => (typeof value === "string" ? value : "");
const cents = (value: string) => Math.round(Number(value) * 100);

/** The signature the double's verify endpoint accepts for an event delivered with these headers. */
function signature(transmissionId: string, time: string, webhookId: string, event: unknown) {
  return createHmac("sha256", SIGNING)
    .update(`${transmissionId}|${time}|${webhookId}|${JSON.stringify(event)}`)
    .digest("base64");
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

export async function startPaypalDouble(
  options: { clientId?: string; clientSecret?: string; webhookId?: string } = {},
) {
  const credentials = { id: options.clientId ?? "paypal-client", secret: options.clientSecret ?? "paypal-secret" };
  const webhookId = options.webhookId ?? "WH-LOCAL-DOUBLE";
  const orders = new Map<string, Order>();
  const captures = new Map<string, { orderId: string; capture: Capture }>();
  const refunds = new Map<string, Refund>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const tokens = new Set<string>();
  let issued = 0;
  const calls: string[] = [];
  const userAgents: string[] = [];
  let stalled = false;
  let base = "";
  let web = "";

  const tls = { key: readFileSync(join(TLS_DIR, "test-only-key.pem")), cert: readFileSync(CERT_PATH) };
  const server = createHttpsServer(tls, async (request, response) => {
    const url = new URL(request.url ?? "/", "https://api-m.sandbox.paypal.com");
    const raw = request.method === "POST" ? await readBody(request) : "";
    calls.push(`${request.method} ${url.pathname}`);
    userAgents.push(request.headers["user-agent"] ?? "");
    if (stalled) return; // PayPal down: the connection is accepted and never answered.
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "paypal-debug-id": upper(12) });
      response.end(JSON.stringify(body));
    };
    const refuse = (status: number, name: string, issue: string) =>
      reply(status, { name, message: issue, details: [{ issue, description: issue }] });

    if (url.pathname === "/v1/oauth2/token" && request.method === "POST") {
      const expected = `Basic ${Buffer.from(`${credentials.id}:${credentials.secret}`).toString("base64")}`;
      if (request.headers.authorization !== expected || !raw.includes("grant_type=client_credentials"))
        return reply(401, { error: "invalid_client", error_description: "Client Authentication failed" });
      const token = `A21AA${randomBytes(16).toString("hex")}`;
      tokens.add(token);
      issued++;
      return reply(200, { access_token: token, token_type: "Bearer", expires_in: 32_400, app_id: "APP-LOCAL" });
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!bearer || !tokens.has(bearer))
      return reply(401, { error: "invalid_token", error_description: "Token signature verification failed" });

    const requestId = request.headers["paypal-request-id"];
    const cacheKey = typeof requestId === "string" ? `${url.pathname}:${requestId}` : null;
    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    if (cached) return reply(cached.status, cached.body);
    const remember = (status: number, body: unknown) => {
      if (cacheKey) idempotent.set(cacheKey, { status, body });
      reply(status, body);
    };
    const body = record(raw ? JSON.parse(raw) : {});

    if (url.pathname === "/v2/checkout/orders" && request.method === "POST") {
      const [unit] = Array.isArray(body.purchase_units) ? body.purchase_units.map(record) : [];
      const amount = record(unit?.amount);
      const context = record(record(record(body.payment_source).paypal).experience_context);
      const id = upper(17);
      const order: Order = {
        id,
        status: "PAYER_ACTION_REQUIRED",
        purchase_units: [
          {
            reference_id: text(unit?.reference_id),
            custom_id: text(unit?.custom_id),
            amount: { currency_code: text(amount.currency_code), value: text(amount.value) },
          },
        ],
        links: [
          { href: `${base}/v2/checkout/orders/${id}`, rel: "self" },
          { href: `${web}/checkoutnow?token=${id}`, rel: "payer-action" },
        ],
        returnUrl: text(context.return_url),
        cancelUrl: text(context.cancel_url),
        declineCapture: null,
        refuseCapture: null,
      };
      orders.set(id, order);
      return remember(200, view(order));
    }
    const orderPath = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(url.pathname);
    if (orderPath?.[1]) {
      const order = orders.get(orderPath[1]);
      if (!order) return refuse(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID");
      if (!orderPath[2]) return reply(200, view(order));
      if (order.status === "COMPLETED") return refuse(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED");
      if (order.status !== "APPROVED") return refuse(422, "UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED");
      if (order.refuseCapture) return refuse(422, "UNPROCESSABLE_ENTITY", order.refuseCapture);
      const unit = order.purchase_units[0];
      if (!unit) return refuse(422, "UNPROCESSABLE_ENTITY", "INVALID_PARAMETER_VALUE");
      const capture: Capture = {
        id: upper(17),
        status: order.declineCapture ? "DECLINED" : "COMPLETED",
        amount: unit.amount,
        ...(order.declineCapture && { status_details: { reason: order.declineCapture } }),
        supplementary_data: { related_ids: { order_id: order.id } },
      };
      unit.payments = { captures: [capture] };
      order.status = "COMPLETED";
      captures.set(capture.id, { orderId: order.id, capture });
      return remember(201, view(order));
    }
    const capturePath = /^\/v2\/payments\/captures\/([^/]+)(\/refund)?$/.exec(url.pathname);
    if (capturePath?.[1]) {
      const found = captures.get(capturePath[1]);
      if (!found) return refuse(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID");
      if (!capturePath[2]) return reply(200, found.capture);
      const { capture } = found;
      const requested = record(body.amount);
      const value = text(requested.value) || capture.amount.value;
      const already = [...refunds.values()]
        .filter((refund) => refund.links.some((link) => link.href.endsWith(`/captures/${capture.id}`)))
        .reduce((sum, refund) => sum + cents(refund.amount.value), 0);
      if (capture.status === "DECLINED" || already + cents(value) > cents(capture.amount.value))
        return refuse(422, "UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED");
      const refund: Refund = {
        id: upper(17),
        status: "COMPLETED",
        amount: { currency_code: capture.amount.currency_code, value },
        ...(text(body.custom_id) && { custom_id: text(body.custom_id) }),
        links: [
          { href: `${base}/v2/payments/refunds/`, rel: "self" },
          { href: `${base}/v2/payments/captures/${capture.id}`, rel: "up" },
        ],
      };
      refunds.set(refund.id, refund);
      capture.status = already + cents(value) === cents(capture.amount.value) ? "REFUNDED" : "PARTIALLY_REFUNDED";
      return remember(201, refund);
    }
    const refundPath = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(url.pathname);
    if (refundPath?.[1]) {
      const refund = refunds.get(refundPath[1]);
      return refund ? reply(200, refund) : refuse(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID");
    }
    if (url.pathname === "/v1/notifications/verify-webhook-signature" && request.method === "POST") {
      const expected = signature(
        text(body.transmission_id),
        text(body.transmission_time),
        webhookId,
        body.webhook_event,
      );
      const genuine = body.webhook_id === webhookId && body.transmission_sig === expected;
      return reply(200, { verification_status: genuine ? "SUCCESS" : "FAILURE" });
    }
    refuse(404, "RESOURCE_NOT_FOUND", `No route for ${request.method} ${url.pathname}`);
  });

  /** PayPal's hosted approval page, reduced to what a shopper does there: pay, or cancel. */
  const page = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://www.sandbox.paypal.com");
    const method = request.method ?? "GET";
    const raw = method === "POST" ? await readBody(request) : "";
    if (url.pathname !== "/checkoutnow") {
      response.writeHead(404, { "content-type": "text/plain" });
      return response.end("Not found");
    }
    const form = new URLSearchParams(raw);
    const order = orders.get(url.searchParams.get("token") ?? form.get("token") ?? "");
    if (!order) {
      response.writeHead(404, { "content-type": "text/plain" });
      return response.end("No such checkout");
    }
    if (method === "POST") {
      const approve = form.get("action") === "approve";
      if (approve && order.status === "PAYER_ACTION_REQUIRED") order.status = "APPROVED";
      const back = new URL(approve ? order.returnUrl : order.cancelUrl);
      back.searchParams.set("token", order.id);
      if (approve) back.searchParams.set("PayerID", "LOCALPAYER01");
      response.writeHead(303, { location: back.toString() });
      return response.end();
    }
    const unit = order.purchase_units[0];
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PayPal (local double)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>
<h1>Pay with PayPal</h1><p>Total: ${unit?.amount.value ?? ""} ${unit?.amount.currency_code ?? ""}</p>
<form method="post" action="/checkoutnow"><input type="hidden" name="token" value="${order.id}">
<button name="action" value="approve">Pay now</button> <button name="action" value="cancel">Cancel and return to the shop</button>
</form></main></body></html>`);
  });

  const view = (order: Order) => {
    const { returnUrl: _r, cancelUrl: _c, declineCapture: _d, refuseCapture: _f, ...rest } = order;
    return rest;
  };

  const listen = async (one: typeof server | typeof page) => {
    await new Promise<void>((resolve) => one.listen(0, "127.0.0.1", resolve));
    const address = one.address();
    return typeof address === "object" && address ? address.port : 0;
  };
  base = `https://127.0.0.1:${await listen(server)}`;
  web = `http://127.0.0.1:${await listen(page)}`;
  const orderOrThrow = (id: string) => {
    const order = orders.get(id);
    if (!order) throw new Error(`no PayPal order ${id}`);
    return order;
  };

  return {
    /** Where the API listens (HTTPS; its certificate is CERT_PATH's). */
    apiOrigin: base,
    /** Where the approval page listens (HTTP). */
    approvalOrigin: web,
    credentials,
    webhookId,
    calls,
    /** The User-Agent of every API request, in order (the SDK's own). */
    userAgents,
    /** The settings that make the shop's server use this double (its SDK connects here). */
    serverEnv: () => ({
      PAYPAL_CLIENT_ID: credentials.id,
      PAYPAL_CLIENT_SECRET: credentials.secret,
      PAYPAL_WEBHOOK_ID: webhookId,
      PAYPAL_API_ORIGIN: base,
      PAYPAL_API_CA: CERT_PATH,
    }),
    orders,
    refunds,
    /** Access tokens issued so far (the provider should cache its token). */
    tokensIssued: () => issued,
    /** PayPal stops accepting every token issued so far (the caller should fetch a new one). */
    revokeTokens() {
      tokens.clear();
    },
    /** The shopper approved on PayPal's page (what clicking "Pay now" does). */
    approve(id: string) {
      orderOrThrow(id).status = "APPROVED";
    },
    /** The capture of this order will be declined (PAYMENT.CAPTURE.DENIED), as a refused funding source is. */
    declineCapture(id: string, reason = "DECLINED_BY_RISK_FRAUD_FILTERS") {
      orderOrThrow(id).declineCapture = reason;
    },
    /** PayPal answers the capture with a 422 and this issue (INSTRUMENT_DECLINED: choose another funding source). */
    refuseCapture(id: string, issue = "INSTRUMENT_DECLINED") {
      orderOrThrow(id).refuseCapture = issue;
    },
    /** A refund made in PayPal's dashboard, outside the shop. */
    refundOutside(orderId: string, value: string) {
      const capture = orderOrThrow(orderId).purchase_units[0]?.payments?.captures[0];
      if (!capture) throw new Error("not captured");
      const refund: Refund = {
        id: upper(17),
        status: "COMPLETED",
        amount: { currency_code: capture.amount.currency_code, value },
        links: [{ href: `${base}/v2/payments/captures/${capture.id}`, rel: "up" }],
      };
      refunds.set(refund.id, refund);
      return refund;
    },
    /** Accept connections and answer nothing, as a PayPal that hangs. */
    stall(on: boolean) {
      stalled = on;
    },
    /** A webhook delivery as PayPal sends it: the event and its transmission headers (signed, unless `forged`). */
    webhook(event: { id?: string; event_type: string; resource: object }, forged = false) {
      const payload = { id: event.id ?? `WH-${upper(17)}`, event_version: "1.0", resource_type: "capture", ...event };
      const transmissionId = randomBytes(8).toString("hex");
      const time = new Date().toISOString();
      return {
        body: JSON.stringify(payload),
        headers: {
          "content-type": "application/json",
          "paypal-auth-algo": "SHA256withRSA",
          "paypal-cert-url": `${base}/v1/notifications/certs/CERT-LOCAL`,
          "paypal-transmission-id": transmissionId,
          "paypal-transmission-time": time,
          "paypal-transmission-sig": forged ? "forged" : signature(transmissionId, time, webhookId, payload),
        },
      };
    },
    close: () =>
      Promise.all(
        [server, page].map(
          (one) =>
            new Promise<void>((resolve) => {
              one.closeAllConnections();
              one.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
