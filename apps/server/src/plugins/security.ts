import fastifyCors from "@fastify/cors";
import type { FastifyInstance } from "fastify";

// Only the shop's own scripts, plus Stripe.js (the Payment Element and its frames) when payments
// go through Stripe. Inline style attributes are allowed (React renders a few); inline scripts
// and eval are not.
export function contentSecurityPolicy(extraConnect: readonly string[] = [], extraImages: readonly string[] = []) {
  return [
    "default-src 'self'",
    "script-src 'self' https://js.stripe.com",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: https://*.stripe.com ${extraImages.join(" ")}`.trim(),
    "font-src 'self'",
    `connect-src 'self' https://api.stripe.com ${extraConnect.join(" ")}`.trim(),
    "frame-src https://js.stripe.com https://hooks.stripe.com",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Security headers on every response, and CORS for the API limited to the shop's origins (for
 * the apps hosted on a CDN with VITE_API_URL).
 */
/** The origin of an absolute MEDIA_BASE_URL (images on a CDN), which pages must be allowed to load. */
export function mediaOrigins(mediaBaseUrl: string): string[] {
  return /^https?:\/\//.test(mediaBaseUrl) ? [new URL(mediaBaseUrl).origin] : [];
}

export async function securityPlugin(
  app: FastifyInstance,
  options: { allowedOrigins: readonly string[]; hsts: boolean; imageOrigins?: readonly string[] },
) {
  const csp = contentSecurityPolicy([], options.imageOrigins);
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("content-security-policy", csp);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "strict-origin-when-cross-origin");
    reply.header("x-frame-options", "DENY");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header(
      "permissions-policy",
      'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")',
    );
    if (options.hsts) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    return payload;
  });
  await app.register(fastifyCors, {
    origin: (origin, done) => done(null, origin === undefined || options.allowedOrigins.includes(origin)),
    credentials: true,
    methods: ["GET", "POST"],
    maxAge: 600,
  });
}
