import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES, WebhookEventSchema, parseWebhookEvent } from "./events.ts";
import { signatureHeader, verifySignature } from "./signature.ts";

const secret = "whsec_test";
const body = JSON.stringify({ id: "evt_1", type: "customer.created", createdAt: "2026-12-06T20:00:00.000Z" });
const now = new Date("2026-12-06T20:00:00Z");
const t = Math.floor(now.getTime() / 1000);

describe("webhook signatures", () => {
  it("accepts the signature the shop sends", () => {
    expect(verifySignature({ body, header: signatureHeader(secret, t, body), secret, now })).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it("refuses another body, another secret, an old timestamp and a malformed header", () => {
    const header = signatureHeader(secret, t, body);
    expect(verifySignature({ body: body + " ", header, secret, now }).ok).toBe(false);
    expect(verifySignature({ body, header, secret: "whsec_other", now }).ok).toBe(false);
    const later = new Date(now.getTime() + 301_000);
    expect(verifySignature({ body, header, secret, now: later })).toEqual({
      ok: false,
      reason: "timestamp outside the tolerance",
    });
    expect(verifySignature({ body, header: "v1=abc", secret, now }).ok).toBe(false);
    expect(verifySignature({ body, header: null, secret, now }).ok).toBe(false);
  });

  it("accepts any of several v1 signatures (secret rotation)", () => {
    const header = `${signatureHeader("whsec_old", t, body)},v1=${signatureHeader(secret, t, body).split("v1=")[1]}`;
    expect(verifySignature({ body, header, secret, now }).ok).toBe(true);
  });
});

describe("webhook event schemas", () => {
  it("has one schema per event type", () => {
    expect(WebhookEventSchema.options.map((option) => option.shape.type.value).sort()).toEqual(
      [...WEBHOOK_EVENT_TYPES].sort(),
    );
  });

  it("narrows data by type and refuses a payload of another shape", () => {
    const customer = { id: 1, email: "a@example.com", name: "A", createdAt: "2026-12-06T20:00:00.000Z" };
    const event = parseWebhookEvent(JSON.stringify({ ...JSON.parse(body), data: { customer } }));
    expect(event.type === "customer.created" && event.data.customer.email).toBe("a@example.com");
    expect(() => parseWebhookEvent(JSON.stringify({ ...JSON.parse(body), data: { order: {} } }))).toThrow();
  });
});
