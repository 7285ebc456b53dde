import { API_SCOPES } from "@shop/validators";
import { z } from "zod";
import { datesAsStrings, inputJsonSchema, jsonTypes, propertySchema, type JsonSchema } from "./input.ts";
import type { RestEndpoint } from "./routes.ts";

/** What `/api/v1` answers for an error, whatever the endpoint. */
export const RestErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: "tRPC error code, e.g. NOT_FOUND, BAD_REQUEST, FORBIDDEN" }),
    message: z.string(),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: "Input problems per field (400 only)" }),
  }),
});

const errorStatuses = {
  "400": "The input is not valid (see fieldErrors)",
  "401": "No API key, or an unknown, revoked or expired one",
  "403": "The key does not have this endpoint's scope",
  "404": "Not found",
  "409": "Conflicts with the current state",
  "412": "Not possible in the current state (e.g. shipping a cancelled order)",
  "429": "Too many calls with this key; retry after the Retry-After header's seconds",
  "503": "Temporarily unavailable; retry after the Retry-After header's seconds",
};

type Operation = Record<string, unknown>;

function parameters(endpoint: RestEndpoint, schema: JsonSchema | null) {
  const required = new Set(schema?.required ?? []);
  const path = endpoint.pathParams.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: (schema && propertySchema(schema, name)) ?? { type: "string" },
  }));
  if (endpoint.method !== "GET" || !schema?.properties) return path;
  const query = Object.keys(schema.properties)
    .filter((name) => !endpoint.pathParams.includes(name))
    .map((name) => {
      const property = propertySchema(schema, name) ?? {};
      const object = jsonTypes(property).has("object");
      return {
        name,
        in: "query",
        required: required.has(name),
        ...(property.description ? { description: property.description } : {}),
        // Objects travel JSON-encoded; arrays as repeated parameters (`brands=a&brands=b`).
        ...(object ? { content: { "application/json": { schema: property } } } : { schema: property }),
        ...(jsonTypes(property).has("array") ? { style: "form", explode: true } : {}),
      };
    });
  return [...path, ...query];
}

function bodySchema(endpoint: RestEndpoint, schema: JsonSchema | null): JsonSchema | null {
  if (endpoint.method === "GET" || !schema?.properties) return null;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).filter(([name]) => !endpoint.pathParams.includes(name)),
  );
  const required = (schema.required ?? []).filter((name) => !endpoint.pathParams.includes(name));
  const { $schema: _draft, ...rest } = schema;
  return { ...rest, properties, required };
}

/**
 * The JSON Schema of a procedure's documented answer (`rest.output`) (dates as ISO strings, as JSON carries them).
 * Named schemas (`.meta({ id })`, e.g. the recursive category node) move to the document's
 * `components.schemas`, where `#/components/schemas/…` finds them from anywhere in it.
 */
function responseSchema(output: z.ZodType, components: Record<string, unknown>): JsonSchema {
  const {
    $schema: _draft,
    $defs,
    ...schema
  } = z.toJSONSchema(output, {
    io: "output",
    unrepresentable: "any",
    override: datesAsStrings,
  });
  for (const [name, def] of Object.entries($defs ?? {})) {
    const moved = relink(def);
    if (name in components && JSON.stringify(components[name]) !== JSON.stringify(moved))
      throw new Error(`Two different output schemas are both named ${name}`);
    components[name] = moved;
  }
  return relink(schema);
}

function relink<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) =>
      key === "$ref" && typeof inner === "string" ? inner.replace("#/$defs/", "#/components/schemas/") : inner,
    ),
  );
}

function operation(endpoint: RestEndpoint, components: Record<string, unknown>): Operation {
  const schema = endpoint.input ? inputJsonSchema(endpoint.input) : null;
  const body = bodySchema(endpoint, schema);
  const response = responseSchema(endpoint.output, components);
  return {
    operationId: endpoint.procedure,
    summary: endpoint.summary,
    tags: [endpoint.scope.split(":")[0]],
    description: `Scope \`${endpoint.scope}\`. The tRPC procedure \`${endpoint.procedure}\`, called through the router.${
      endpoint.access === "public" ? " Public: also answers without a key." : ""
    }`,
    "x-scope": endpoint.scope,
    security: endpoint.access === "public" ? [{}, { apiKey: [endpoint.scope] }] : [{ apiKey: [endpoint.scope] }],
    parameters: parameters(endpoint, schema),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body } } } } : {}),
    responses: {
      "200": { description: "OK", content: { "application/json": { schema: response } } },
      ...Object.fromEntries(
        Object.entries(errorStatuses).map(([status, description]) => [
          status,
          { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
      ),
    },
  };
}

/** The OpenAPI 3.1 document of the REST API, built from the router's procedures and their zod schemas. */
export function openApiDocument(endpoints: readonly RestEndpoint[], options: { serverUrl: string }) {
  const paths: Record<string, Record<string, Operation>> = {};
  const shared: Record<string, unknown> = {};
  for (const endpoint of endpoints) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint, shared);
  }
  const { $schema: _draft, ...error } = z.toJSONSchema(RestErrorSchema);
  return {
    openapi: "3.1.0",
    info: {
      title: "Shop REST API",
      version: "1",
      description:
        "The shop's catalog, orders, inventory and customers for integrators. Authenticate with an API key " +
        "created in the admin (Settings → API keys): `Authorization: Bearer shop_…`. Each key holds scopes; " +
        "each endpoint names the one it needs. Calls are rate-limited per key and audited.",
    },
    servers: [{ url: options.serverUrl }],
    tags: [...new Set(endpoints.map((endpoint) => endpoint.scope.split(":")[0]))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An API key. Scopes: ${API_SCOPES.join(", ")}.`,
        },
      },
      schemas: { Error: error, ...shared },
    },
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
