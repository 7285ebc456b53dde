import { createServer, type Server } from "node:http";
import { parseWebhookEvent, verifySignature, type WebhookEvent } from "@shop/webhooks";

/**
 * A third party's webhook receiver on loopback, as an integrator would write one: it verifies
 * the signature over the raw body, parses the event with @shop/webhooks, and answers 2xx. Tests
 * make it fail on purpose (`failNext`), take it down and bring it back on the same port.
 */
export async function startReceiver(secret: () => string) {
  const received: Array<{ event: WebhookEvent; eventIdHeader: string | undefined }> = [];
  const refused: string[] = [];
  let failures = new Map<string, number>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const header = req.headers["shop-signature"];
          const verified = verifySignature({
            body,
            header: typeof header === "string" ? header : null,
            secret: secret(),
          });
          if (!verified.ok) {
            refused.push(verified.reason);
            res.writeHead(400).end(verified.reason);
            return;
          }
          const event = parseWebhookEvent(body);
          const status = failures.get(event.type) ?? failures.get(event.id);
          if (status !== undefined) {
            failures.delete(event.type);
            failures.delete(event.id);
            // 0: never answer (the shop's timeout ends the attempt).
            if (status === 0) return;
            res.writeHead(status, status === 302 ? { location: "http://169.254.169.254/" } : {}).end("busy, try later");
            return;
          }
          const eventIdHeader = req.headers["shop-event-id"];
          received.push({ event, eventIdHeader: typeof eventIdHeader === "string" ? eventIdHeader : undefined });
          res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        });
      });
      const listening = server;
      listening.listen(port, "127.0.0.1", () => {
        const address = listening.address();
        port = typeof address === "object" && address ? address.port : 0;
        resolve();
      });
    });
  await listen();

  return {
    received,
    refused,
    get url() {
      return `http://127.0.0.1:${port}/hooks`;
    },
    /** The next request for this event type or id is answered with `status` (0: not at all). */
    failNext(key: string, status = 503) {
      failures.set(key, status);
    },
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
      failures = new Map();
    },
    start: listen,
  };
}
