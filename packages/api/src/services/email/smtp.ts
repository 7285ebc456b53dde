import nodemailer from "nodemailer";
import type { EmailTransport } from "./deliver.ts";

/**
 * SMTP through nodemailer, e.g. SMTP_URL=smtps://user:pass@smtp.example.com. The Message-ID is
 * derived from the outbox id, so a message retried after a crash is recognisable downstream.
 */
export function createSmtpTransport(url: string, from: string, domain: string): EmailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(url);
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
