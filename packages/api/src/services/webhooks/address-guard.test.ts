import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./address-guard.ts";

describe("webhook address guard", () => {
  it("tells private and loopback addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses private, credentialed and non-HTTP URLs at registration unless private ones are allowed", () => {
    expect(webhookUrlProblem("https://hooks.example.com/shop", false)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", false)).toMatch(/private/);
    expect(webhookUrlProblem("http://[::1]:4000/hook", false)).toMatch(/private/);
    expect(webhookUrlProblem("http://localhost:4000/hook", false)).toMatch(/private/);
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", true)).toBeNull();
    expect(webhookUrlProblem("ftp://example.com/", true)).toMatch(/https/);
    expect(webhookUrlProblem("https://user:pw@example.com/", true)).toMatch(/credentials/);
    expect(webhookUrlProblem("not a url", true)).toMatch(/full URL/);
  });
});
