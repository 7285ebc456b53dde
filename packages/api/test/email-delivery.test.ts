import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueEmails } from "../src/services/email/deliver.ts";
import { enqueueEmail } from "../src/services/email/outbox.ts";
import { createSmtpTransport } from "../src/services/email/smtp.ts";
import { setupTestShop } from "./support.ts";

type Received = { to: string[]; raw: string };

/** A real SMTP server on a free local port, collecting what it receives. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const email = (n: number) => ({ subject: `Hello ${n}`, text: `Body ${n}`, html: `<p>Body ${n}</p>` });

describe("email outbox delivery over SMTP", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    shop = await setupTestShop();
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await shop.db.close();
  });

  it("delivers each message once, even with two workers at it", async () => {
    for (let n = 0; n < 6; n++)
      await enqueueEmail(shop.prisma, { to: `r${n}@example.com`, template: "test", email: email(n) });
    const transport = createSmtpTransport(smtp.url, "Shop <shop@shop.test>", "shop.test");
    const [a, b] = await Promise.all([
      deliverDueEmails(shop.prisma, transport),
      deliverDueEmails(shop.prisma, transport),
    ]);
    expect(a + b).toBe(6);
    expect(await deliverDueEmails(shop.prisma, transport)).toBe(0);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([0, 1, 2, 3, 4, 5].map((n) => `r${n}@example.com`));
    expect(smtp.received[0]?.raw).toMatch(/Message-ID: <outbox-\d+@shop\.test>/i);
    expect(await shop.prisma.emailOutbox.count({ where: { status: "SENT" } })).toBe(6);
    transport.close();
  });

  it("enqueues idempotently by dedupe key", async () => {
    await enqueueEmail(shop.prisma, { to: "once@example.com", template: "test", email: email(1), dedupeKey: "once:1" });
    await enqueueEmail(shop.prisma, { to: "once@example.com", template: "test", email: email(1), dedupeKey: "once:1" });
    expect(await shop.prisma.emailOutbox.count({ where: { dedupeKey: "once:1" } })).toBe(1);
  });

  it("backs off after a failure and gives up after repeated ones", async () => {
    await enqueueEmail(shop.prisma, { to: "bounce@example.com", template: "test", email: email(9) });
    const failing = { send: () => Promise.reject(new Error("550 mailbox unavailable")) };
    expect(await deliverDueEmails(shop.prisma, failing)).toBe(0);
    const after = await shop.prisma.emailOutbox.findFirstOrThrow({ where: { to: "bounce@example.com" } });
    expect(after).toMatchObject({ status: "PENDING", attempts: 1, lastError: "550 mailbox unavailable" });
    expect(after.sendAfter.getTime()).toBeGreaterThan(Date.now());
    for (let attempt = 1; attempt < 6; attempt++) {
      await shop.prisma.emailOutbox.update({ where: { id: after.id }, data: { sendAfter: new Date(0) } });
      await deliverDueEmails(shop.prisma, failing);
    }
    expect((await shop.prisma.emailOutbox.findUniqueOrThrow({ where: { id: after.id } })).status).toBe("FAILED");
  });
});
