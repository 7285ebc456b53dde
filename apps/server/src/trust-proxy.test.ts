import { describe, expect, it } from "vitest";
import { TrustProxySchema } from "./trust-proxy.ts";

describe("TRUST_PROXY", () => {
  it("trusts nobody by default", () => {
    for (const value of [undefined, "", "false", "0"]) expect(TrustProxySchema.parse(value)).toBe(false);
  });

  it("reads proxy addresses and ranges", () => {
    expect(TrustProxySchema.parse("127.0.0.1")).toEqual(["127.0.0.1"]);
    expect(TrustProxySchema.parse(" 10.0.0.0/8, ::1 ,loopback")).toEqual(["10.0.0.0/8", "::1", "loopback"]);
    expect(TrustProxySchema.parse("true")).toBe(true);
  });

  it("refuses what is not an address, naming it", () => {
    const result = TrustProxySchema.safeParse("127.0.0.1,nginx,10.0.0.0/33");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("nginx, 10.0.0.0/33");
  });
});
