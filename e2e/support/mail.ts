import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { freePort, waitForReady } from "./global-setup.ts";

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

/**
 * The production build on a scratch embedded database of its own, delivering email over SMTP to
 * `smtpUrl`, as a shop with email configured runs (the shared test server has no SMTP).
 */
export async function startShopWithEmail(smtpUrl: string) {
  const root = join(import.meta.dirname, "..", "..");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "shop-e2e-mail-"));
  const server = spawn(process.execPath, ["--enable-source-maps", "apps/server/dist/main.js"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      SEED_IF_EMPTY: "false",
      SMTP_URL: smtpUrl,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForReady(baseUrl, server, 60_000);
  return {
    baseUrl,
    async close() {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
