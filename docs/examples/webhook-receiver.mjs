// A minimal receiver for the shop's webhooks: Node.js 20+, no dependencies.
//
//   WEBHOOK_SECRET=whsec_… PORT=4000 node webhook-receiver.mjs
//
// It checks the Shop-Signature header over the raw body, refuses old timestamps (replays),
// ignores an event id it has already handled (retries and redeliveries repeat the id), and
// answers 2xx quickly: do slow work after answering, or the shop times out and retries.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.WEBHOOK_SECRET;
if (!secret) throw new Error("set WEBHOOK_SECRET to the endpoint's signing secret");
const toleranceSeconds = 300;
// Use your database in production (a unique key on the event id), so restarts remember too.
const seen = new Set();

/** True if `header` (t=…,v1=…) signs `body` with `secret` within the tolerance. */
function verify(body, header, secret, now = Date.now()) {
  const pairs = (header ?? "").split(",").map((part) => part.trim().split("="));
  const timestamp = Number(pairs.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  // Several v1 signatures may come while a secret is rotated: one must match.
  return pairs.some(([key, value]) => {
    const given = Buffer.from(key === "v1" ? (value ?? "") : "", "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const server = createServer((req, res) => {
  if (req.method !== "POST") return res.writeHead(405).end();
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8"); // the raw body: parse only after verifying
    if (!verify(body, req.headers["shop-signature"], secret)) {
      console.log(JSON.stringify({ refused: "bad signature" }));
      return res.writeHead(400).end("bad signature");
    }
    const event = JSON.parse(body);
    if (seen.has(event.id)) {
      console.log(JSON.stringify({ duplicate: event.id }));
      return res.writeHead(200).end("already handled");
    }
    seen.add(event.id);
    console.log(JSON.stringify({ received: event.id, type: event.type }));
    switch (event.type) {
      case "order.paid":
        // e.g. send event.data.order to the warehouse
        break;
      default:
        break;
    }
    res.writeHead(200).end("ok");
  });
});

server.listen(Number(process.env.PORT ?? 4000), "127.0.0.1", () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});
