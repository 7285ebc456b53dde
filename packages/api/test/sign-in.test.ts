import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/services/auth/sessions.ts";
import { callerFor, setupTestShop } from "./support.ts";

describe("auth.signIn", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
    await shop.make.user({ email: "staff@shop.test", role: "STAFF", password: "correct horse battery" });
    await shop.make.user({ email: "buyer@shop.test", role: "CUSTOMER", password: "correct horse battery" });
  });
  afterAll(() => shop.db.close());

  it("creates a session, sets an HttpOnly cookie and stores only a hash of the secret", async () => {
    const { caller, cookies } = await callerFor(shop.prisma);
    const result = await caller.auth.signIn({
      email: "Staff@Shop.test",
      password: "correct horse battery",
      audience: "admin",
    });
    expect(result.user.role).toBe("STAFF");
    const token = cookies.get(SESSION_COOKIE)?.value ?? "";
    const [id, secret] = token.split(".");
    const stored = await shop.prisma.session.findUniqueOrThrow({ where: { id }, select: { secretHash: true } });
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(secret);
    expect(stored.secretHash).toHaveLength(32);
  });

  it("gives the same error for a wrong password and an unknown email", async () => {
    const { caller } = await callerFor(shop.prisma);
    const wrong = await caller.auth
      .signIn({ email: "staff@shop.test", password: "wrong password!!" })
      .catch((e: unknown) => e);
    const unknown = await caller.auth
      .signIn({ email: "nobody@shop.test", password: "wrong password!!" })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", message: "Email or password is incorrect" });
    expect(unknown).toMatchObject({ code: "UNAUTHORIZED", message: "Email or password is incorrect" });
  });

  it("keeps customers out of the back office", async () => {
    const { caller } = await callerFor(shop.prisma);
    await expect(
      caller.auth.signIn({ email: "buyer@shop.test", password: "correct horse battery", audience: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses cookie-authenticated mutations from another origin (CSRF)", async () => {
    const staff = await shop.prisma.user.findUniqueOrThrow({ where: { email: "staff@shop.test" } });
    const evil = await callerFor(shop.prisma, { userId: staff.id, request: { origin: "https://evil.example" } });
    await expect(evil.caller.auth.signOut()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const crossSite = await callerFor(shop.prisma, { userId: staff.id, request: { secFetchSite: "cross-site" } });
    await expect(crossSite.caller.auth.signOut()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bearer = await callerFor(shop.prisma, { userId: staff.id, via: "bearer", request: { origin: null } });
    await expect(bearer.caller.auth.signOut()).resolves.toEqual({ ok: true });
  });
});
