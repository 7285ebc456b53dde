import {
  AbortError,
  ApiError,
  ResponseValidationError,
  Client,
  Environment,
  OrdersController,
  PaymentsController,
  type ApiResponse,
} from "@paypal/paypal-server-sdk";
import { AppError } from "../../../errors.ts";
import { pinnedAgent } from "./agent.ts";
import { ErrorSchema } from "./schemas.ts";

export type PaypalSettings = {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** PayPal's sandbox or live hosts, the only two the SDK knows. */
  environment: "sandbox" | "production";
  /** Longest one HTTP call to PayPal may take (the token's included); an unanswered call is a 503. */
  timeoutMs?: number;
  /** Tests only: every call goes to this HTTPS origin (a local double) with a certificate signed by `ca` (PEM). */
  apiOrigin?: { url: string; ca: string };
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
 * The SDK's answer to a failed call in the shop's terms: a refusal, a 503, or (a bug) itself.
 * The SDK's and axios's errors carry the request with its Authorization header, so only their
 * message is kept as the cause (logs must not hold the secret or the token).
 */
function shopError(error: unknown): unknown {
  const cause = error instanceof Error ? new Error(`${error.name}: ${error.message}`) : undefined;
  if (error instanceof ApiError) {
    if (error.statusCode >= 500 || error.statusCode === 429)
      return new AppError("UNAVAILABLE", "PayPal is not available just now; please try again in a moment", undefined, {
        cause,
      });
    let raw: unknown;
    try {
      raw = typeof error.body === "string" ? JSON.parse(error.body) : undefined;
    } catch {
      raw = undefined;
    }
    const body = ErrorSchema.safeParse(raw).data;
    const issue = body?.details?.[0]?.issue ?? body?.name ?? `HTTP_${error.statusCode}`;
    return new PaypalRefusal(error.statusCode, issue, body?.details?.[0]?.description ?? body?.message ?? issue);
  }
  if (error instanceof ResponseValidationError)
    return new Error("PayPal sent an answer its SDK cannot read", { cause });
  // No answer at all: a timeout, a refused connection, a TLS failure (axios errors, below the SDK).
  const transport = error instanceof AbortError || (error instanceof Error && "isAxiosError" in error);
  return transport
    ? new AppError("UNAVAILABLE", "PayPal is not answering just now; please try again in a moment", undefined, {
        cause,
      })
    : error;
}

/**
 * PayPal's server SDK (`@paypal/paypal-server-sdk`), set up the shop's way: a timeout on every
 * HTTP call and no automatic retries (a slow PayPal degrades, never hangs), the OAuth token
 * cached by the SDK until a minute before it expires. The SDK keeps a failed token request as
 * its token for good, and a token PayPal stops accepting until it expires; either one makes
 * the next call start over with a fresh SDK client.
 */
export function createPaypalClient(settings: PaypalSettings) {
  const timeout = settings.timeoutMs ?? 8_000;
  const origin = settings.apiOrigin;
  type Connection = { client: Client; orders: OrdersController; payments: PaymentsController };
  let current: Connection | null = null;

  function connect(): Connection {
    const client: Client = new Client({
      environment: settings.environment === "production" ? Environment.Production : Environment.Sandbox,
      timeout,
      clientCredentialsAuthCredentials: {
        oAuthClientId: settings.clientId,
        oAuthClientSecret: settings.clientSecret,
        oAuthClockSkew: 60,
        oAuthTokenProvider: (last, manager) =>
          manager.updateToken(last).catch((error: unknown) => {
            if (current?.client === client) current = null;
            throw error;
          }),
      },
      httpClientOptions: {
        retryConfig: { maxNumberOfRetries: 0 },
        ...(origin && { httpsAgent: pinnedAgent(origin.url, origin.ca) }),
      },
      // The pinned origin is reached directly, never through a proxy from the environment.
      ...(origin && { unstable_httpClientOptions: { proxy: false } }),
    });
    return { client, orders: new OrdersController(client), payments: new PaymentsController(client) };
  }

  /** One SDK call (or a request built on the SDK's client); PayPal's errors become the shop's. */
  async function call<T>(action: (paypal: Connection) => Promise<ApiResponse<T>>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const paypal = (current ??= connect());
      try {
        return (await action(paypal)).result;
      } catch (error) {
        // A token PayPal no longer accepts: start over with a new one, once.
        if (error instanceof ApiError && error.statusCode === 401 && attempt === 0) {
          if (current === paypal) current = null;
          continue;
        }
        throw shopError(error);
      }
    }
  }

  return { call, webhookId: settings.webhookId };
}

export type PaypalClient = ReturnType<typeof createPaypalClient>;
