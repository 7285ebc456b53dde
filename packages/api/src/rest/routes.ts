import type { AnyProcedure, AnyRouter } from "@trpc/server";
import { z } from "zod";
import type { ApiScope } from "@shop/validators";
import { procedureFacts } from "../meta.ts";
import type { Access, RestRoute } from "../trpc.ts";

/** A procedure the REST API serves, read from its `meta.rest`: nothing is listed by hand. */
export type RestEndpoint = RestRoute & {
  /** The tRPC path, e.g. `admin.orders.get`: the OpenAPI operationId. */
  procedure: string;
  type: "query" | "mutation";
  access: Access;
  scope: ApiScope;
  /** The procedure's own input schema (the last `.input()`), if it takes one. */
  input: z.ZodType | null;
  /** Names of `{param}` segments of the path. */
  pathParams: string[];
  /** The mutation may change what shoppers see: the server empties its catalog caches after it. */
  invalidatesCatalog: boolean;
};

const isProcedure = (value: unknown): value is AnyProcedure => typeof value === "function" && "_def" in value;
const zodOf = (value: unknown) => (value instanceof z.ZodType ? value : null);

/** Every REST endpoint of the router, in a stable order (path, then method). */
export function restEndpoints(router: AnyRouter): RestEndpoint[] {
  const endpoints: RestEndpoint[] = [];
  const facts = procedureFacts(router);
  for (const [path, value] of Object.entries(router._def.procedures)) {
    if (!isProcedure(value)) continue;
    const { access, scope, rest, invalidatesCatalog } = facts.get(path)?.meta ?? {};
    if (!rest) continue;
    const type = value._def.type;
    if (!access || !scope || type === "subscription") throw new Error(`${path}: a REST route needs access and scope`);
    if ((rest.method === "GET") !== (type === "query")) throw new Error(`${path}: GET is for queries only`);
    endpoints.push({
      ...rest,
      procedure: path,
      type,
      access,
      scope,
      input: zodOf(value._def.inputs.at(-1)),
      pathParams: [...rest.path.matchAll(/\{(\w+)\}/g)].flatMap((match) => (match[1] ? [match[1]] : [])),
      invalidatesCatalog: invalidatesCatalog === true,
    });
  }
  return endpoints.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
