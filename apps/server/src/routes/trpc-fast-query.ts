import type { AppRouter, Context } from "@shop/api";
import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  transformTRPCResponse,
  TRPCError,
} from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { MAX_BATCH_SIZE } from "@shop/validators";
import type { FastifyRequest } from "fastify";
import { onFastPath, pathsOf } from "./procedures.ts";

// Procedures that declare `meta.fastPath` skip the fetch-API translation of tRPC's adapter: a
// Request, Headers and AbortController per call cost more CPU than a page of products does.
// GET queries take it single or batched (as the apps send them), mutations as unbatched POSTs
// (the storefront sends cart and checkout mutations one at a time). The calls are the same: the
// router's procedures with their middleware (CSRF and origin checks, rate limits), input
// validation, cookies, error formatter and transformer, in tRPC's wire format.

export type TrpcQuerystring = { input?: string; batch?: string };

export function isFastQuery(request: FastifyRequest<{ Querystring: TrpcQuerystring }>, path: string): boolean {
  if (request.method !== "GET") return false;
  if (request.query.batch === undefined) return onFastPath(path, "query");
  const paths = pathsOf(path);
  // An oversized batch goes to tRPC's handler, which refuses it with a 400.
  return (
    request.query.batch === "1" && paths.length <= MAX_BATCH_SIZE && paths.every((one) => onFastPath(one, "query"))
  );
}

/** A JSON body is required: anything else takes tRPC's own handler, which refuses it as tRPC does. */
export function isFastMutation(request: FastifyRequest<{ Querystring: TrpcQuerystring }>, path: string): boolean {
  return (
    request.method === "POST" &&
    request.query.batch === undefined &&
    onFastPath(path, "mutation") &&
    typeof request.body === "string" &&
    request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase() === "application/json"
  );
}

/**
 * The raw input of call `index`, read lazily as tRPC's own handler reads it (a procedure without
 * input never looks), failing as it fails: what cannot be parsed or deserialized is BAD_REQUEST
 * (the transformer refuses malformed envelopes; the error formatter hides parsers' messages).
 */
function inputReader(router: AppRouter, text: string | undefined, batch: boolean) {
  const deserialize = router._def._config.transformer.input.deserialize;
  let parsed: { value: unknown } | null = null;
  const parse = () => {
    if (parsed) return parsed.value;
    try {
      parsed = { value: text === undefined || text === "" ? undefined : JSON.parse(text) };
    } catch (cause) {
      throw new TRPCError({ code: "BAD_REQUEST", message: cause instanceof Error ? cause.message : "", cause });
    }
    return parsed.value;
  };
  return (index: number): unknown => {
    const raw = parse();
    if (raw === undefined) return undefined;
    if (!batch) return deserialize(raw);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw new TRPCError({ code: "BAD_REQUEST", message: '"input" needs to be an object when doing a batch call' });
    const input = Object.entries(raw).find(([key]) => key === String(index))?.[1];
    return input === undefined ? undefined : deserialize(input);
  };
}

/** One mutation, answered as tRPC answers an unbatched call (vary header included). */
export async function fastMutation(options: {
  router: AppRouter;
  path: string;
  request: FastifyRequest<{ Querystring: TrpcQuerystring }>;
  ctx: Context;
  onError: (error: TRPCError, path: string) => void;
}) {
  const { router, path, ctx } = options;
  const config = router._def._config;
  const body = options.request.body;
  const read = inputReader(router, typeof body === "string" ? body : undefined, false);
  let input: unknown;
  try {
    const data: unknown = await callTRPCProcedure({
      router,
      path,
      ctx,
      type: "mutation",
      getRawInput: async () => (input = read(0)),
      signal: undefined,
      batchIndex: 0,
    });
    const response = isPlainJson(data)
      ? { result: { data: { json: data } } }
      : transformTRPCResponse(config, { result: { data } });
    return { status: 200, body: JSON.stringify(response) };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    options.onError(error, path);
    const shape = transformTRPCResponse(config, {
      error: getTRPCErrorShape({ config, error, type: "mutation", path, input, ctx }),
    });
    return { status: getHTTPStatusCodeFromError(error), body: JSON.stringify(shape) };
  }
}

export async function fastQuery(options: {
  router: AppRouter;
  path: string;
  request: FastifyRequest<{ Querystring: TrpcQuerystring }>;
  ctx: Context;
  onError: (error: TRPCError, path: string) => void;
}) {
  const { router, request, ctx } = options;
  const config = router._def._config;
  const batch = request.query.batch === "1";
  const paths = batch ? options.path.split(",") : [options.path];
  const read = inputReader(router, request.query.input, batch);

  const statuses: number[] = [];
  const responses = await Promise.all(
    paths.map(async (path, index) => {
      let input: unknown;
      try {
        const data: unknown = await callTRPCProcedure({
          router,
          path,
          ctx,
          type: "query",
          getRawInput: async () => (input = read(index)),
          signal: undefined,
          batchIndex: index,
        });
        statuses.push(200);
        // superjson's output for plain JSON data is `{ json: data }`; checking that is far
        // cheaper than its general walk. Anything else (a Date, a Map…) still goes through it.
        return isPlainJson(data)
          ? { result: { data: { json: data } } }
          : transformTRPCResponse(config, { result: { data } });
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        options.onError(error, path);
        statuses.push(getHTTPStatusCodeFromError(error));
        return transformTRPCResponse(config, {
          error: getTRPCErrorShape({ config, error, type: "query", path, input, ctx }),
        });
      }
    }),
  );
  // As tRPC answers batches: one status when all calls agree, 207 Multi-Status otherwise.
  const status = statuses.every((code) => code === statuses[0]) ? (statuses[0] ?? 200) : 207;
  return { status, body: JSON.stringify(batch ? responses : responses[0]) };
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
