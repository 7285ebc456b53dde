import { z } from "zod";
import type { RestEndpoint } from "./routes.ts";

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** Dates travel as ISO 8601 strings in JSON. */
export const datesAsStrings = (context: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) => {
  if (context.zodSchema._zod.def.type === "date")
    Object.assign(context.jsonSchema, { type: "string", format: "date-time" });
};

const schemas = new WeakMap<z.ZodType, JsonSchema>();

/**
 * The JSON Schema of what a procedure accepts (zod 4's own conversion, input side: defaults are
 * optional). Refinements and transforms have no JSON Schema form: the procedure still runs them.
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  let json = schemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", override: datesAsStrings });
    schemas.set(schema, json);
  }
  return json;
}

export function propertySchema(schema: JsonSchema, name: string): JsonSchema | undefined {
  const property = schema.properties?.[name];
  return typeof property === "object" ? property : undefined;
}

/** The JSON types a schema allows, through `anyOf`/`oneOf` (nullable and optional fields). */
export function jsonTypes(schema: JsonSchema | undefined): Set<string> {
  const types = new Set<string>();
  if (!schema) return types;
  for (const type of [schema.type ?? []].flat()) types.add(type);
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    if (typeof branch === "object") for (const type of jsonTypes(branch)) types.add(type);
  }
  return types;
}

/** A query-string or path value as the type the schema expects; anything else is left for zod to refuse. */
function coerce(value: string, schema: JsonSchema | undefined): unknown {
  const types = jsonTypes(schema);
  if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.has("boolean") && (value === "true" || value === "false")) return value === "true";
  if (types.has("null") && value === "null") return null;
  if (types.has("object") && value.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed;
    } catch {
      return value;
    }
  }
  return value;
}

function coerceField(raw: string | string[], schema: JsonSchema | undefined): unknown {
  if (jsonTypes(schema).has("array")) {
    const items = schema && typeof schema.items === "object" && !Array.isArray(schema.items) ? schema.items : undefined;
    return [raw].flat().map((one) => coerce(one, items));
  }
  return Array.isArray(raw) ? raw.map((one) => coerce(one, schema)) : coerce(raw, schema);
}

export type RestRequestParts = {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
};

/**
 * The procedure's input from a REST request: path parameters, plus the query string (GET) or
 * the JSON body (POST, PUT). Path parameters win over a body field of the same name.
 */
export function restInput(endpoint: RestEndpoint, { params, query, body }: RestRequestParts): unknown {
  if (!endpoint.input) return undefined;
  const schema = inputJsonSchema(endpoint.input);
  const fields: Record<string, unknown> = {};
  if (endpoint.method === "GET") {
    for (const [name, raw] of Object.entries(query)) {
      if (raw !== undefined) fields[name] = coerceField(raw, propertySchema(schema, name));
    }
  } else if (body !== undefined && body !== null) {
    if (typeof body !== "object" || Array.isArray(body)) return body;
    Object.assign(fields, body);
  }
  for (const name of endpoint.pathParams) {
    const raw = params[name];
    if (raw !== undefined) fields[name] = coerce(raw, propertySchema(schema, name));
  }
  return fields;
}
