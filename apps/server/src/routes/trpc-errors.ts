import type { AppRouter } from "@shop/api";
import { getTRPCErrorShape, transformTRPCResponse, type TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { TrpcQuerystring } from "./trpc-fast-query.ts";

/**
 * An error answered in tRPC's wire format for a request that failed before any procedure ran:
 * one error per call of a batch, with the status tRPC would give it, so clients see the same
 * SERVICE_UNAVAILABLE whichever path the request took.
 */
export function trpcErrorReply(
  router: AppRouter,
  error: TRPCError,
  req: FastifyRequest<{ Params: { path?: string }; Querystring: TrpcQuerystring }>,
  res: FastifyReply,
) {
  const config = router._def._config;
  const type = req.method === "GET" ? "query" : "mutation";
  const batch = req.query.batch === "1";
  const paths = batch ? (req.params.path ?? "").split(",") : [req.params.path ?? ""];
  const shapes = paths.map((path) =>
    transformTRPCResponse(config, {
      error: getTRPCErrorShape({ config, error, type, path, input: undefined, ctx: undefined }),
    }),
  );
  return res
    .status(getHTTPStatusCodeFromError(error))
    .header("content-type", "application/json")
    .send(JSON.stringify(batch ? shapes : shapes[0]));
}
