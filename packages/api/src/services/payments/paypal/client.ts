import { AppError } from "../../../errors.ts";
import { ErrorSchema, TokenSchema } from "./schemas.ts";
import type { z } from "zod";

export type PaypalSettings = {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** https://api-m.sandbox.paypal.com, https://api-m.paypal.com, or a local double in tests. */
  apiBase: string;
  /** Longest one call to PayPal may take (token included); an unanswered call is a 503. */
  timeoutMs?: number;
};

/** PayPal refused the request (4xx): its error name and first issue, e.g. INSTRUMENT_DECLINED. */
export class PaypalRefusal extends Error {
  override name = "PaypalRefusal";
  constructor(
    readonly status: number,
    readonly issue: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A small typed client for PayPal's REST API. (PayPal's server SDK fixes its base URL to the
 * sandbox or production hosts, so it cannot be pointed at the local test double; see
 * docs/architecture.md, "Payments".) The OAuth token is cached in this process until a minute
 * before it expires, fetched once for concurrent callers, and dropped on a 401.
 */
export function createPaypalClient(settings: PaypalSettings) {
  const base = settings.apiBase.replace(/\/$/, "");
  const timeoutMs = settings.timeoutMs ?? 8_000;
  let token: { value: string; expiresAt: number } | null = null;
  let fetching: Promise<string> | null = null;

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new AppError("UNAVAILABLE", "PayPal is not answering just now; please try again in a moment", undefined, {
        cause: error,
      });
    }
  }

  async function failure(response: Response): Promise<Error> {
    if (response.status >= 500 || response.status === 429)
      return new AppError("UNAVAILABLE", "PayPal is not available just now; please try again in a moment");
    const body = ErrorSchema.safeParse(await response.json().catch(() => ({})));
    const issue = body.data?.details?.[0]?.issue ?? body.data?.name ?? `HTTP_${response.status}`;
    return new PaypalRefusal(
      response.status,
      issue,
      body.data?.details?.[0]?.description ?? body.data?.message ?? issue,
    );
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    fetching ??= (async () => {
      const response = await send("/v1/oauth2/token", {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      });
      if (!response.ok) throw await failure(response);
      const parsed = TokenSchema.parse(await response.json());
      token = { value: parsed.access_token, expiresAt: Date.now() + Math.max(0, parsed.expires_in - 60) * 1000 };
      return parsed.access_token;
    })().finally(() => (fetching = null));
    return fetching;
  }

  /** One authenticated call; `requestId` is PayPal's idempotency key (PayPal-Request-Id). */
  async function call<T extends z.ZodType>(
    schema: T,
    method: "GET" | "POST",
    path: string,
    options: { body?: unknown; requestId?: string } = {},
  ): Promise<z.infer<T>> {
    for (let attempt = 0; ; attempt++) {
      const response = await send(path, {
        method,
        headers: {
          authorization: `Bearer ${await accessToken()}`,
          "content-type": "application/json",
          prefer: "return=representation",
          ...(options.requestId && { "paypal-request-id": options.requestId }),
        },
        body: method === "POST" ? JSON.stringify(options.body ?? {}) : undefined,
      });
      // An expired or revoked token: fetch a new one, once.
      if (response.status === 401 && attempt === 0) {
        token = null;
        continue;
      }
      if (!response.ok) throw await failure(response);
      return schema.parse(await response.json());
    }
  }

  return { call, webhookId: settings.webhookId };
}

export type PaypalClient = ReturnType<typeof createPaypalClient>;
