import { inputJsonSchema, type RestEndpoint } from "@shop/api";

const escape = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function example(endpoint: RestEndpoint, serverUrl: string): string {
  const path = endpoint.path.replaceAll(/\{(\w+)\}/g, (_match, name: string) => `<${name}>`);
  const lines = [`curl -sS ${endpoint.method === "GET" ? "" : `-X ${endpoint.method} `}'${serverUrl}${path}' \\`];
  lines.push(`  -H "Authorization: Bearer $SHOP_API_KEY"${endpoint.method === "GET" ? "" : " \\"}`);
  if (endpoint.method !== "GET") lines.push(`  -H 'Content-Type: application/json' -d '{…}'`);
  return lines.join("\n");
}

function section(endpoint: RestEndpoint, serverUrl: string): string {
  const schema = endpoint.input ? JSON.stringify(inputJsonSchema(endpoint.input), null, 2) : null;
  const where = endpoint.method === "GET" ? "Query parameters" : "JSON body";
  return `<section id="${escape(endpoint.procedure)}">
  <h3><span class="method">${endpoint.method}</span> <code>${escape(endpoint.path)}</code></h3>
  <p>${escape(endpoint.summary)}. Scope <code>${endpoint.scope}</code>${
    endpoint.access === "public" ? " (public: also without a key)" : ""
  }. Procedure <code>${escape(endpoint.procedure)}</code>.</p>
  ${
    schema
      ? `<details><summary>${where}${endpoint.pathParams.length ? ` and path parameters (${endpoint.pathParams.join(", ")})` : ""}</summary><pre>${escape(schema)}</pre></details>`
      : "<p>No input.</p>"
  }
  <pre>${escape(example(endpoint, serverUrl))}</pre>
</section>`;
}

/**
 * The API reference as one self-contained HTML page (no scripts, nothing from a CDN), made from
 * the same endpoints and schemas as the OpenAPI document.
 */
export function referencePage(endpoints: readonly RestEndpoint[], serverUrl: string): string {
  const groups = new Map<string, RestEndpoint[]>();
  for (const endpoint of endpoints) {
    const group = endpoint.scope.split(":")[0] ?? "other";
    groups.set(group, [...(groups.get(group) ?? []), endpoint]);
  }
  const body = [...groups]
    .map(([group, members]) => `<h2>${escape(group)}</h2>\n${members.map((one) => section(one, serverUrl)).join("\n")}`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop REST API reference</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
pre { background: #f4f4f5; padding: .75rem; overflow-x: auto; font-size: 13px; }
.method { display: inline-block; min-width: 3.5rem; font-family: monospace; color: #1d4ed8; }
section { border-top: 1px solid #e4e4e7; padding-top: .5rem; }
</style>
</head>
<body>
<h1>Shop REST API</h1>
<p>Base URL <code>${escape(serverUrl)}</code>. Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).
Send an API key created in the admin as <code>Authorization: Bearer shop_…</code>. Errors are
<code>{"error": {"code", "message", "fieldErrors"?}}</code> with the HTTP status of the code
(400 invalid input, 401 no or bad key, 403 missing scope, 404, 409, 412, 429 with Retry-After, 503).
Money is in integer minor units.</p>
${body}
</body>
</html>
`;
}
