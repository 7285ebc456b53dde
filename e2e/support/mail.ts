import { SMTPServer } from "smtp-server";
import { startOwnShop } from "./own-shop.ts";

type Received = { to: string; text: string };

/** A body as sent: quoted-printable soft line breaks joined and escapes decoded (ASCII mail). */
const decode = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A real SMTP server on a free local port: the shoppers' inboxes. */
export async function startInbox() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const text = decode(Buffer.concat(chunks).toString("utf8"));
        for (const to of session.envelope.rcptTo) received.push({ to: to.address, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** The first link matching `pattern` in mail to `to`, waiting for the email worker to send it. */
    async link(to: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        for (const mail of [...received].reverse()) {
          const match = mail.to === to ? pattern.exec(mail.text) : null;
          if (match) return match[0];
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`no email to ${to} with ${pattern} within ${timeoutMs} ms`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A shop that delivers email over SMTP to `smtpUrl` (the shared test server has no SMTP). */
export const startShopWithEmail = (smtpUrl: string) => startOwnShop({ SEED_IF_EMPTY: "false", SMTP_URL: smtpUrl });
