import { describe, expect, it } from "vitest";
import { baseUrl } from "./support/browser.ts";

// The load budgets are measured gzipped; this checks the server really sends them compressed.
describe("asset delivery", () => {
  for (const [app, path] of [
    ["storefront", "/"],
    ["admin", "/admin/"],
  ] as const) {
    it(`${app}: scripts and styles go out precompressed and cached for good`, async () => {
      const html = await (await fetch(`${baseUrl()}${path}`)).text();
      const assets = [...html.matchAll(/(?:src|href)="(\/[^"]*assets\/[^"]+\.(?:js|css))"/g)].map(
        (match) => match[1] ?? "",
      );
      expect(assets.length).toBeGreaterThan(1);
      for (const asset of assets) {
        for (const encoding of ["br", "gzip"]) {
          const response = await fetch(`${baseUrl()}${asset}`, { headers: { "accept-encoding": encoding } });
          expect(response.headers.get("content-encoding"), `${asset} with ${encoding}`).toBe(encoding);
          expect(response.headers.get("cache-control")).toContain("immutable");
          await response.arrayBuffer();
        }
      }
    });
  }
});
