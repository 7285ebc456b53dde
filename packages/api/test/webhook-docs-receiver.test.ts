import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { signatureHeader } from "@shop/webhooks";
import { deliverDueWebhooks } from "../src/services/webhooks/deliver.ts";
import { callerFor, setupTestShop } from "./support.ts";

// docs/integrations.md promises that its example receiver, run as it says, verifies the shop's
// signatures, refuses forged or replayed requests and ignores a redelivered event. Here the shop
// sends to that very file, started with node.

const receiverPath = fileURLToPath(new URL("../../../docs/examples/webhook-receiver.mjs", import.meta.url));

async function startDocsReceiver(secret: string) {
  const child: ChildProcess = spawn(process.execPath, [receiverPath], {
    env: { ...process.env, WEBHOOK_SECRET: secret, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: unknown[] = [];
  const waiting: Array<() => void> = [];
  if (!child.stdout) throw new Error("no stdout");
  createInterface({ input: child.stdout }).on("line", (line) => {
    const parsed: unknown = JSON.parse(line);
    lines.push(parsed);
    for (const wake of waiting.splice(0)) wake();
  });
  const next = async (index: number) => {
    while (lines.length <= index) await new Promise<void>((resolve) => waiting.push(resolve));
    return lines[index];
  };
  const { listening: port } = z.object({ listening: z.number() }).parse(await next(0));
  return { child, lines, next, url: `http://127.0.0.1:${port}/` };
}

describe("the receiver in docs/integrations.md", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let receiver: Awaited<ReturnType<typeof startDocsReceiver>>;
  let secret: string;
  let admin: Awaited<ReturnType<typeof callerFor>>["caller"];
  const settings = { timeoutMs: 5_000, allowPrivate: true, publicUrl: "http://shop.test" };

  beforeAll(async () => {
    shop = await setupTestShop();
    const { id } = await shop.make.user({ role: "ADMIN" });
    admin = (await callerFor(shop.prisma, { userId: id, config: { webhookPrivateUrls: true } })).caller;
    // Registered first with a placeholder URL: the secret exists only once the endpoint does.
    const endpoint = await admin.admin.webhooks.create({ url: "http://127.0.0.1:9/", events: ["customer.created"] });
    secret = endpoint.secret;
    receiver = await startDocsReceiver(secret);
    await admin.admin.webhooks.update({ id: endpoint.id, url: receiver.url });
  });
  afterAll(async () => {
    receiver.child.kill();
    await shop.db.close();
  });

  it("accepts the shop's signed events, ignores a redelivery and refuses a forged or stale request", async () => {
    await shop.make.user({ role: "CUSTOMER", email: "docs@example.com" });
    expect(await deliverDueWebhooks(shop.prisma, settings)).toEqual({ sent: 1, failed: 0 });
    const event = await shop.prisma.outgoingEvent.findFirstOrThrow({ select: { id: true } });
    expect(await receiver.next(1)).toEqual({ received: event.id, type: "customer.created" });

    const delivery = await shop.prisma.webhookDelivery.findFirstOrThrow({ select: { id: true } });
    await admin.admin.webhooks.redeliver({ deliveryId: delivery.id });
    expect(await deliverDueWebhooks(shop.prisma, settings)).toEqual({ sent: 1, failed: 0 });
    expect(await receiver.next(2)).toEqual({ duplicate: event.id });

    const body = JSON.stringify({
      id: "evt_forged",
      type: "order.paid",
      createdAt: new Date().toISOString(),
      data: {},
    });
    const now = Math.floor(Date.now() / 1000);
    const post = (header: string) =>
      fetch(receiver.url, { method: "POST", body, headers: { "shop-signature": header } }).then((res) => res.status);
    expect(await post(signatureHeader("whsec_wrong", now, body))).toBe(400);
    expect(await post(signatureHeader(secret, now - 600, body))).toBe(400);
    expect(await post(signatureHeader(secret, now, body))).toBe(200);
    expect(await receiver.next(5)).toEqual({ received: "evt_forged", type: "order.paid" });
  });
});
