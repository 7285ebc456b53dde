import type { FastifyInstance } from "fastify";
import { z } from "zod";

type Reply = { status: number; body: unknown };

/**
 * A storefront client for fault tests: tRPC over HTTP (app.inject) with its own cookies and IP,
 * retrying what a browser would retry (5xx and dropped connections) with a growing delay, and
 * counting the failures it saw (and their statuses, when asked).
 */
export function shopperClient(app: FastifyInstance, ip: string, failures: { count: number; statuses?: number[] }) {
  let cookie = "";
  async function call(path: string, json: unknown): Promise<Reply> {
    const response = await app.inject({
      method: "POST",
      url: `/trpc/${path}`,
      remoteAddress: ip,
      headers: { "content-type": "application/json", origin: "https://shop.example", cookie },
      payload: { json },
    });
    const setCookie = [response.headers["set-cookie"]].flat().find((value) => String(value).startsWith("shop_cart="));
    if (setCookie) cookie = String(setCookie).split(";")[0] ?? "";
    return { status: response.statusCode, body: response.json() };
  }
  return {
    /** Retries until a non-5xx answer (or gives up after ~25 s of trying). */
    async until(path: string, json: unknown): Promise<Reply> {
      let delay = 100;
      for (let attempt = 0; attempt < 12; attempt++) {
        const reply = await call(path, json).catch((error: unknown) => ({ status: 599, body: String(error) }));
        if (reply.status < 500) return reply;
        failures.count++;
        failures.statuses?.push(reply.status);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 4_000);
      }
      throw new Error(`${path} kept failing`);
    },
  };
}

/** The `result.data.json` of a tRPC answer, validated by `schema`. */
export function result<T>(reply: Reply, schema: z.ZodType<T>): T {
  const envelope = z.object({ result: z.object({ data: z.object({ json: z.unknown() }) }) }).parse(reply.body);
  return schema.parse(envelope.result.data.json);
}
