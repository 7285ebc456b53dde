import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../src/lib/rate-limit/index.ts";
import { callerFor, setupTestShop } from "./support.ts";

const PASSWORD = "the right passphrase";

describe("rate limits on sign-in, sign-up and reset", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("allows 5 failures per account and IP, then refuses even the right password with a retry-after", async () => {
    const user = await shop.make.user({ password: PASSWORD });
    const limits = createMemoryStore();
    const { caller, headers } = await callerFor(shop.prisma, { limits });
    for (let i = 0; i < 5; i++) {
      await expect(caller.auth.signIn({ email: user.email, password: "wrong passphrase" })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    const blocked = await caller.auth.signIn({ email: user.email, password: PASSWORD }).catch((e: unknown) => e);
    expect(blocked).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Try again in") });
    expect(Number(headers.get("retry-after"))).toBeGreaterThanOrEqual(29);
    // Another IP is not delayed for this account.
    const other = await callerFor(shop.prisma, { limits, request: { ip: "198.51.100.9" } });
    await expect(other.caller.auth.signIn({ email: user.email, password: PASSWORD })).resolves.toBeTruthy();
  });

  it("grows the delay with each further failure", async () => {
    const user = await shop.make.user({ password: PASSWORD });
    let now = 1_000_000;
    const limits = createMemoryStore(() => now);
    const { caller, headers } = await callerFor(shop.prisma, { limits });
    const fail = () => caller.auth.signIn({ email: user.email, password: "wrong passphrase" }).catch((e: unknown) => e);
    for (let i = 0; i < 5; i++) await fail();
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      expect(await fail()).toMatchObject({ code: "TOO_MANY_REQUESTS" });
      const wait = Number(headers.get("retry-after"));
      delays.push(wait);
      now += wait * 1000;
      expect(await fail()).toMatchObject({ code: "UNAUTHORIZED" }); // one more try after waiting
    }
    expect(delays).toEqual([30, 60, 120]);
  });

  it("caps failures per account across IPs at 100 an hour", async () => {
    const user = await shop.make.user({ password: PASSWORD });
    const limits = createMemoryStore();
    for (let i = 0; i < 100; i++) {
      const { caller } = await callerFor(shop.prisma, {
        limits,
        request: { ip: `10.0.${Math.floor(i / 250)}.${i % 250}` },
      });
      await caller.auth.signIn({ email: user.email, password: "wrong passphrase" }).catch(() => undefined);
    }
    const { caller } = await callerFor(shop.prisma, { limits, request: { ip: "192.0.2.200" } });
    await expect(caller.auth.signIn({ email: user.email, password: PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  }, 60_000);

  it("limits sign-ups and reset requests", async () => {
    const limits = createMemoryStore();
    const { caller } = await callerFor(shop.prisma, { limits, request: { ip: "192.0.2.77" } });
    for (let i = 0; i < 10; i++)
      await caller.auth.register({ name: "Bulk", email: `bulk${i}@example.com`, password: PASSWORD });
    await expect(
      caller.auth.register({ name: "Bulk", email: "bulk10@example.com", password: PASSWORD }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    for (let i = 0; i < 3; i++) await caller.auth.requestPasswordReset({ email: "bulk1@example.com" });
    await expect(caller.auth.requestPasswordReset({ email: "bulk1@example.com" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
