// Plain-text emails with a light HTML twin. User-provided values are escaped in the HTML.

export type Email = { subject: string; text: string; html: string };

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function layout(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join("");
  const button = action ? `<p><a href="${escape(action.url)}">${escape(action.label)}</a></p>` : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${body}${button}</body></html>`;
}

export function passwordResetEmail(input: { name: string; url: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    "Someone asked to reset the password of your Shop account. If it was you, open the link below within one hour to choose a new password. It works once.",
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ];
  return {
    subject: "Reset your Shop password",
    text: `${lines.join("\n\n")}\n\n${input.url}\n`,
    html: layout(lines, { label: "Choose a new password", url: input.url }),
  };
}

export function emailChangedEmail(input: { name: string; newEmail: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    `The email address of your Shop account was changed to ${input.newEmail}.`,
    "If you did not do this, reset your password at once and contact us.",
  ];
  return { subject: "Your Shop email address was changed", text: lines.join("\n\n"), html: layout(lines) };
}

export function passwordChangedEmail(input: { name: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    "The password of your Shop account was changed, and your other devices were signed out.",
    "If you did not do this, reset your password at once and contact us.",
  ];
  return { subject: "Your Shop password was changed", text: lines.join("\n\n"), html: layout(lines) };
}

export function confirmSignUpEmail(input: { name: string; url: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    "Someone asked to create a Shop account with this email address. If it was you, open the link below within 24 hours to finish: it confirms your address and signs you in. It works once.",
    "If it was not you, ignore this email: no account is created.",
  ];
  return {
    subject: "Confirm your email to finish creating your Shop account",
    text: `${lines.join("\n\n")}\n\n${input.url}\n`,
    html: layout(lines, { label: "Confirm and sign in", url: input.url }),
  };
}

/** Sign-up with an address that has an account: its owner hears of it, the visitor learns nothing. */
export function accountExistsEmail(input: { name: string; signInUrl: string; resetUrl: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    "Someone tried to create a new Shop account with this email address, which already has one. If it was you, sign in instead, or reset your password if you have forgotten it:",
    `Sign in: ${input.signInUrl}`,
    `Reset your password: ${input.resetUrl}`,
    "If it was not you, you can ignore this email: nothing about your account has changed.",
  ];
  return { subject: "You already have a Shop account", text: lines.join("\n\n"), html: layout(lines) };
}

/** An admin asked the user to choose a new password (their old one no longer works). */
export function forcedPasswordResetEmail(input: { name: string; url: string }): Email {
  const lines = [
    `Hi ${input.name},`,
    'A Shop administrator has reset the password of your account, and your devices were signed out. Open the link below within one hour to choose a new password. It works once; after that, use "Forgot your password?" on the sign-in page.',
    "If you did not expect this, contact the shop.",
  ];
  return {
    subject: "Choose a new password for your Shop account",
    text: `${lines.join("\n\n")}\n\n${input.url}\n`,
    html: layout(lines, { label: "Choose a new password", url: input.url }),
  };
}

export function webhookDisabledEmail(input: {
  url: string;
  since: Date;
  error: string | null;
  adminUrl: string;
}): Email {
  const lines = [
    `The webhook endpoint ${input.url} has failed every delivery since ${input.since.toISOString()}, so the shop switched it off.`,
    `Last error: ${input.error ?? "unknown"}.`,
    "Its events are kept. Fix the receiver, then enable the endpoint again in the admin and redeliver what it missed.",
  ];
  return {
    subject: `Webhook endpoint disabled: ${input.url}`,
    text: `${lines.join("\n\n")}\n\n${input.adminUrl}\n`,
    html: layout(lines, { label: "Open the endpoint", url: input.adminUrl }),
  };
}
