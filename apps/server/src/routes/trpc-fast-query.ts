import type { AppRouter, Context } from "@shop/api";
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, transformTRPCResponse, type TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Unbatched GET queries of public catalog procedures skip the fetch-API translation of tRPC's
 * adapter (a Request, Headers and AbortController per call cost more CPU than a page of
 * products does). The call itself is the same: the router's procedure with its middleware,
 * input validation, error formatter and transformer; the wire format is tRPC's own.
 */
export const FAST_QUERIES = new Set(["catalog.list", "catalog.get", "catalog.facets", "catalog.suggest", "catalog.categories", "catalog.brands"]);

export type TrpcQuerystring = { input?: string; batch?: string };

export function isFastQuery(request: FastifyRequest<{ Querystring: TrpcQuerystring }>, path: string): boolean {
  return request.method === "GET" && FAST_QUERIES.has(path) && request.query.batch === undefined;
}

export async function fastQuery(options: {
  router: AppRouter;
  path: string;
  request: FastifyRequest<{ Querystring: TrpcQuerystring }>;
  reply: FastifyReply;
  ctx: Context;
  onError: (error: TRPCError, path: string) => void;
}) {
  const { router, path, request, reply, ctx } = options;
  const config = router._def._config;
  let input: unknown;
  try {
    const raw = request.query.input;
    const parsed: unknown = raw === undefined ? undefined : JSON.parse(raw);
    input = parsed === undefined ? undefined : config.transformer.input.deserialize(parsed);
    const data: unknown = await callTRPCProcedure({ router, path, ctx, type: "query", getRawInput: async () => input, signal: undefined, batchIndex: 0 });
    // superjson's output for plain JSON data is `{ json: data }`; checking that is far cheaper
    // than its general walk. Anything else (a Date, a Map…) still goes through superjson.
    const body = isPlainJson(data) ? { result: { data: { json: data } } } : transformTRPCResponse(config, { result: { data } });
    return reply.status(200).header("content-type", "application/json").send(JSON.stringify(body));
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    options.onError(error, path);
    const shape = getTRPCErrorShape({ config, error, type: "query", path, input, ctx });
    return reply
      .status(getHTTPStatusCodeFromError(error))
      .header("content-type", "application/json")
      .send(JSON.stringify(transformTRPCResponse(config, { error: shape })));
  }
}

/** True for data made only of plain objects, arrays, strings, finite numbers, booleans and null. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const child of Object.values(value)) {
    if (child === undefined || !isPlainJson(child)) return false;
  }
  return true;
}
