import nodemailer from "nodemailer";
import type { EmailTransport } from "./deliver.ts";

/**
 * SMTP through nodemailer, e.g. SMTP_URL=smtps://user:pass@smtp.example.com. The Message-ID is
 * derived from the outbox id, so a message retried after a crash is recognisable downstream.
 * `timeoutMs` bounds connecting, the server's greeting and any silence mid-conversation
 * (nodemailer's defaults are 2, 0.5 and 10 minutes): a hung server fails the attempt, which the
 * outbox retries with backoff.
 */
export function createSmtpTransport(
  url: string,
  from: string,
  domain: string,
  timeoutMs = 10_000,
): EmailTransport & { close(): void } {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(email) {
      await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? undefined,
        messageId: `<outbox-${email.id}@${domain}>`,
      });
    },
    close: () => transporter.close(),
  };
}
