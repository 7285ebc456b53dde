import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, mediaOrigins } from "./security.ts";

describe("content security policy", () => {
  it("lets pages load images from a CDN named by MEDIA_BASE_URL, and only from its origin", () => {
    expect(mediaOrigins("/media")).toEqual([]);
    expect(mediaOrigins("https://cdn.shop.example/media")).toEqual(["https://cdn.shop.example"]);
    const csp = contentSecurityPolicy([], mediaOrigins("https://cdn.shop.example/media"));
    expect(csp).toContain("img-src 'self' data: blob: https://*.stripe.com https://cdn.shop.example;");
    expect(contentSecurityPolicy()).toContain("img-src 'self' data: blob: https://*.stripe.com;");
  });
});
