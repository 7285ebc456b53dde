import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession, validateSessionToken } from "../src/services/auth/sessions.ts";
import { callerFor, fieldErrors, setupTestShop, signUpLink } from "./support.ts";

const PASSWORD = "a perfectly fine passphrase";

describe("accounts and sessions", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("registers a shopper (email lower-cased) through the emailed link, and signs them in", async () => {
    const { caller, cookies } = await callerFor(shop.prisma);
    expect(await caller.auth.register({ name: "Ada", email: "  Ada@Example.COM ", password: PASSWORD })).toEqual({
      ok: true,
    });
    const result = await caller.auth.confirmSignUp({ token: await signUpLink(shop.prisma, "ada@example.com") });
    expect(result.user).toMatchObject({ email: "ada@example.com", role: "CUSTOMER" });
    const cookie = cookies.get(SESSION_COOKIE)?.value ?? "";
    expect(await validateSessionToken(shop.prisma, cookie)).not.toBeNull();
  });

  it("accepts long Unicode passwords and refuses short or common ones per field", async () => {
    const { caller } = await callerFor(shop.prisma);
    const unicode = "ключ-🔐-パスワード-".repeat(4).slice(0, 64);
    await expect(
      caller.auth.register({ name: "Uni", email: "uni@example.com", password: unicode }),
    ).resolves.toBeTruthy();
    const short = await caller.auth
      .register({ name: "S", email: "s@example.com", password: "zq9!kw" })
      .catch((e: unknown) => e);
    expect(short).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldErrors(short, "password")).toEqual(["Use at least 12 characters"]);
    const common = await caller.auth
      .register({ name: "C", email: "c@example.com", password: "qwerty123456" })
      .catch((e: unknown) => e);
    expect(common).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldErrors(common, "password")).toEqual([expect.stringContaining("too common")]);
    expect(await shop.prisma.user.count({ where: { email: { in: ["s@example.com", "c@example.com"] } } })).toBe(0);
  });

  it("signs out one session, or every device", async () => {
    const user = await shop.make.user({ password: PASSWORD });
    const one = await callerFor(shop.prisma, { userId: user.id });
    await callerFor(shop.prisma, { userId: user.id });
    await one.caller.auth.signOut();
    expect(one.cookies.get(SESSION_COOKIE)).toMatchObject({ value: "", maxAge: 0 });
    expect(await shop.prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const three = await callerFor(shop.prisma, { userId: user.id });
    expect(await three.caller.auth.signOutEverywhere()).toEqual({ ended: 2 });
    expect(await shop.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lists sessions with device and IP, and revokes another device", async () => {
    const user = await shop.make.user();
    const phone = await callerFor(shop.prisma, {
      userId: user.id,
      request: { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1" },
    });
    const laptop = await callerFor(shop.prisma, { userId: user.id });
    const sessions = await laptop.caller.account.sessions.list();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current);
    expect(other).toMatchObject({ device: "Safari on iOS", ip: "203.0.113.7" });
    if (!other) throw new Error("no other session");
    await laptop.caller.account.sessions.revoke({ id: other.id });
    expect(await shop.prisma.session.count({ where: { userId: user.id } })).toBe(1);
    await expect(phone.caller.account.sessions.revoke({ id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("expires shoppers after 30 idle days, touching last-used at most hourly", async () => {
    const user = await shop.make.user();
    const t0 = new Date("2026-01-01T00:00:00Z");
    const session = await createSession(shop.prisma, {
      userId: user.id,
      role: "CUSTOMER",
      userAgent: null,
      ip: null,
      now: t0,
    });
    expect(session.expiresAt.getTime() - t0.getTime()).toBe(30 * 86_400_000);
    expect(
      (await validateSessionToken(shop.prisma, session.token, new Date(t0.getTime() + 30 * 60_000)))?.refreshed,
    ).toBe(false);
    const later = new Date(t0.getTime() + 20 * 86_400_000);
    expect((await validateSessionToken(shop.prisma, session.token, later))?.refreshed).toBe(true);
    expect(
      await validateSessionToken(shop.prisma, session.token, new Date(later.getTime() + 29 * 86_400_000)),
    ).not.toBeNull();
    expect(
      await validateSessionToken(shop.prisma, session.token, new Date(later.getTime() + 60 * 86_400_000)),
    ).toBeNull();
    expect(await shop.prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("expires staff after 30 idle minutes and 12 hours regardless of activity", async () => {
    const staff = await shop.make.user({ role: "STAFF" });
    const t0 = new Date("2026-01-01T08:00:00Z");
    const idle = await createSession(shop.prisma, {
      userId: staff.id,
      role: "STAFF",
      userAgent: null,
      ip: null,
      now: t0,
    });
    expect(await validateSessionToken(shop.prisma, idle.token, new Date(t0.getTime() + 31 * 60_000))).toBeNull();
    const busy = await createSession(shop.prisma, {
      userId: staff.id,
      role: "STAFF",
      userAgent: null,
      ip: null,
      now: t0,
    });
    let alive = true;
    for (let minutes = 20; minutes <= 12 * 60 + 20; minutes += 20) {
      alive = (await validateSessionToken(shop.prisma, busy.token, new Date(t0.getTime() + minutes * 60_000))) !== null;
      if (minutes < 12 * 60) expect(alive, `at ${minutes} min`).toBe(true);
    }
    expect(alive).toBe(false);
  });

  it("rejects tampered tokens and disabled users' sessions at once", async () => {
    const user = await shop.make.user({ password: PASSWORD });
    const { caller } = await callerFor(shop.prisma);
    const { token } = await caller.auth.signIn({ email: user.email, password: PASSWORD, session: "bearer" });
    if (!token) throw new Error("no bearer token");
    const [id] = token.split(".");
    expect(await validateSessionToken(shop.prisma, `${id}.${"a".repeat(32)}`)).toBeNull();
    await shop.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await validateSessionToken(shop.prisma, token)).toBeNull();
    await expect(caller.auth.signIn({ email: user.email, password: PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Email or password is incorrect",
    });
  });

  it("rehashes a password made with older argon2 parameters at sign-in", async () => {
    const user = await shop.make.user();
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await shop.prisma.user.update({ where: { id: user.id }, data: { passwordHash: weak } });
    const { caller } = await callerFor(shop.prisma);
    await caller.auth.signIn({ email: user.email, password: PASSWORD });
    const { passwordHash } = await shop.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
