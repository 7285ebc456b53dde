import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../src/lib/rate-limit/index.ts";
import { SESSION_COOKIE, validateSessionToken } from "../src/services/auth/sessions.ts";
import { callerFor, setupTestShop, signUpLink } from "./support.ts";

const PASSWORD = "a perfectly fine passphrase";

describe("sign-up reveals nothing about who has an account", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    );

  it("answers a new and an existing address identically, creates nothing yet, and tells the existing owner by email", async () => {
    const owner = await shop.make.user({ email: "taken@example.com", name: "Tom Owner", password: PASSWORD });
    const fresh = await callerFor(shop.prisma, { request: { ip: "198.51.100.1" } });
    const taken = await callerFor(shop.prisma, { request: { ip: "198.51.100.2" } });
    const a = await outcome(fresh.caller.auth.register({ name: "Eve", email: "new@example.com", password: PASSWORD }));
    const b = await outcome(
      taken.caller.auth.register({ name: "Eve", email: "TAKEN@example.com", password: PASSWORD }),
    );
    expect(a).toEqual({ value: { ok: true } });
    expect(b).toEqual(a);
    // No session, no cookie either way: nothing for the caller to tell the two apart by.
    expect([...fresh.cookies.keys()]).toEqual([]);
    expect([...taken.cookies.keys()]).toEqual([]);
    expect(await shop.prisma.user.count({ where: { email: "new@example.com" } })).toBe(0);
    const untouched = await shop.prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(untouched.name).toBe("Tom Owner");
    const told = await shop.prisma.emailOutbox.findFirstOrThrow({ where: { to: "taken@example.com" } });
    expect(told.template).toBe("account-exists");
    expect(told.text).toContain("already has one");
    expect(told.text).toContain("http://shop.test/forgot-password");
    const invited = await shop.prisma.emailOutbox.findFirstOrThrow({ where: { to: "new@example.com" } });
    expect(invited.template).toBe("confirm-sign-up");
  });

  it("an unconfirmed sign-up is no account: signing in with its password fails like an unknown address", async () => {
    const { caller } = await callerFor(shop.prisma, { request: { ip: "198.51.100.3" } });
    await caller.auth.register({ name: "Pending", email: "pending@example.com", password: PASSWORD });
    await expect(caller.auth.signIn({ email: "pending@example.com", password: PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Email or password is incorrect",
    });
  });

  it("the emailed link creates the account once and signs it in; reused, forged or expired links are refused", async () => {
    const { caller, cookies } = await callerFor(shop.prisma, { request: { ip: "198.51.100.4" } });
    await caller.auth.register({ name: "Grace", email: "grace@example.com", password: PASSWORD });
    const token = await signUpLink(shop.prisma, "grace@example.com");
    const [id] = token.split(".");
    const forged = await outcome(caller.auth.confirmSignUp({ token: `${id}.${"a".repeat(32)}` }));
    expect(forged).toEqual({ error: expect.stringContaining("invalid or has expired") });
    const done = await caller.auth.confirmSignUp({ token });
    expect(done.user).toMatchObject({ email: "grace@example.com", name: "Grace", role: "CUSTOMER" });
    expect(await validateSessionToken(shop.prisma, cookies.get(SESSION_COOKIE)?.value ?? "")).not.toBeNull();
    const user = await shop.prisma.user.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await outcome(caller.auth.confirmSignUp({ token }))).toEqual({
      error: expect.stringContaining("invalid or has expired"),
    });
    await expect(caller.auth.signIn({ email: "grace@example.com", password: PASSWORD })).resolves.toBeTruthy();

    await caller.auth.register({ name: "Late", email: "late@example.com", password: PASSWORD });
    const late = await signUpLink(shop.prisma, "late@example.com");
    await shop.prisma.signUpRequest.updateMany({
      where: { email: "late@example.com" },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await outcome(caller.auth.confirmSignUp({ token: late }))).toEqual({
      error: expect.stringContaining("invalid or has expired"),
    });
    expect(await shop.prisma.user.count({ where: { email: "late@example.com" } })).toBe(0);
  });

  it("a sign-up link for an address that got an account meanwhile is spent, not a second account", async () => {
    const { caller } = await callerFor(shop.prisma, { request: { ip: "198.51.100.5" } });
    await caller.auth.register({ name: "Squatter", email: "race@example.com", password: PASSWORD });
    const token = await signUpLink(shop.prisma, "race@example.com");
    await shop.make.user({ email: "race@example.com", password: "the real owner's pass" });
    expect(await outcome(caller.auth.confirmSignUp({ token }))).toEqual({
      error: expect.stringContaining("invalid or has expired"),
    });
    expect(await shop.prisma.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });

  it("one address gets at most 3 sign-up emails an hour, whichever IPs ask", async () => {
    const limits = createMemoryStore();
    const attempt = async (i: number) => {
      const { caller } = await callerFor(shop.prisma, { limits, request: { ip: `198.51.103.${i}` } });
      return caller.auth.register({ name: "Spam", email: "victim@example.com", password: PASSWORD });
    };
    for (let i = 0; i < 3; i++) await attempt(i);
    await expect(attempt(3)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await shop.prisma.emailOutbox.count({ where: { to: "victim@example.com" } })).toBe(3);
  });

  it("a new and an existing address cost about the same time (a password is hashed either way)", async () => {
    await shop.make.user({ email: "timing@example.com", password: PASSWORD });
    const time = async (email: string, ip: string) => {
      const { caller } = await callerFor(shop.prisma, { request: { ip } });
      const started = performance.now();
      await caller.auth.register({ name: "Tim", email, password: PASSWORD });
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    const fresh: number[] = [];
    const existing: number[] = [];
    for (let i = 0; i < 5; i++) {
      fresh.push(await time(`timing${i}@example.com`, `198.51.101.${i}`));
      existing.push(await time("timing@example.com", `198.51.102.${i}`));
    }
    // Hashing dominates both (tens of milliseconds); skipping it would make one path ~10× faster.
    const ratio = median(fresh) / median(existing);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});

describe("the session token reaches only the client that asked for it", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("browser sign-ins, resets and sign-up confirmations carry the token only in the HttpOnly cookie", async () => {
    const user = await shop.make.user({ password: PASSWORD });
    const signIn = await callerFor(shop.prisma);
    const signedIn = await signIn.caller.auth.signIn({ email: user.email, password: PASSWORD });
    expect(signedIn.token).toBeNull();
    expect(JSON.stringify(signedIn)).not.toContain(signIn.cookies.get(SESSION_COOKIE)?.value);

    await signIn.caller.auth.requestPasswordReset({ email: user.email });
    const reset = await shop.prisma.emailOutbox.findFirstOrThrow({
      where: { to: user.email, template: "password-reset" },
    });
    const resetToken = decodeURIComponent(/token=(\S+)/.exec(reset.text)?.[1] ?? "");
    const resetter = await callerFor(shop.prisma);
    const afterReset = await resetter.caller.auth.resetPassword({
      token: resetToken,
      password: "another fine passphrase",
    });
    expect(afterReset.token).toBeNull();
    expect(resetter.cookies.get(SESSION_COOKIE)?.value).toMatch(/\./);

    const newcomer = await callerFor(shop.prisma);
    await newcomer.caller.auth.register({ name: "New", email: "cookie.only@example.com", password: PASSWORD });
    const confirmed = await newcomer.caller.auth.confirmSignUp({
      token: await signUpLink(shop.prisma, "cookie.only@example.com"),
    });
    expect(confirmed.token).toBeNull();
    expect(newcomer.cookies.get(SESSION_COOKIE)?.value).toMatch(/\./);
  });

  it("a client asking for a bearer session gets the token in the answer and no cookie", async () => {
    const user = await shop.make.user({ password: PASSWORD });
    const { caller, cookies } = await callerFor(shop.prisma);
    const result = await caller.auth.signIn({ email: user.email, password: PASSWORD, session: "bearer" });
    expect(cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await validateSessionToken(shop.prisma, result.token ?? "")).toMatchObject({ user: { id: user.id } });
  });
});
