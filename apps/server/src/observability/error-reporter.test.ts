import { describe, expect, it } from "vitest";
import { scrub } from "./error-reporter.ts";

describe("scrub", () => {
  it("keeps the error and drops the request's cookies, headers, body, query and the user", () => {
    const event = scrub({
      type: undefined,
      message: "boom",
      exception: { values: [{ type: "Error", value: "boom" }] },
      request: {
        method: "POST",
        url: "https://shop.example/trpc/x?email=a@example.com",
        cookies: { shop_session: "a.b" },
        headers: { authorization: "Bearer a.b" },
        data: '{"card":"4242"}',
        query_string: "email=a@example.com",
      },
      user: { ip_address: "203.0.113.9", email: "a@example.com" },
      breadcrumbs: [{ message: "GET /trpc/x?token=a.b" }],
    });
    expect(event).toEqual({
      type: undefined,
      message: "boom",
      exception: { values: [{ type: "Error", value: "boom" }] },
      request: { method: "POST", url: "https://shop.example/trpc/x" },
    });
  });
});
