import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSessionToken } from "../src/services/auth/sessions.ts";
import { callerFor, setupTestShop } from "./support.ts";

const OLD = "the old passphrase here";
const NEW = "a brand new passphrase";

describe("password reset and changes", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  const latestLink = async (to: string) => {
    const message = await shop.prisma.emailOutbox.findFirstOrThrow({
      where: { to, template: "password-reset" },
      orderBy: { id: "desc" },
    });
    const match = /reset-password#token=(\S+)/.exec(message.text);
    if (!match?.[1]) throw new Error("no reset link in the email");
    return decodeURIComponent(match[1]);
  };

  it("answers the same for unknown and known emails, and emails a link only to the account", async () => {
    const user = await shop.make.user({ password: OLD });
    const { caller } = await callerFor(shop.prisma);
    expect(await caller.auth.requestPasswordReset({ email: "nobody@example.com" })).toEqual({ ok: true });
    expect(await caller.auth.requestPasswordReset({ email: user.email.toUpperCase() })).toEqual({ ok: true });
    expect(await shop.prisma.emailOutbox.count({ where: { to: "nobody@example.com" } })).toBe(0);
    const token = await latestLink(user.email);
    const [id, secret] = token.split(".");
    const stored = await shop.prisma.passwordResetToken.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(secret);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });

  it("resets once, ends every other session and signs the shopper in", async () => {
    const user = await shop.make.user({ password: OLD });
    const elsewhere = await callerFor(shop.prisma, { userId: user.id });
    const { caller, cookies } = await callerFor(shop.prisma);
    await caller.auth.requestPasswordReset({ email: user.email });
    const token = await latestLink(user.email);
    const result = await caller.auth.resetPassword({ token, password: NEW });
    expect(result.token).toBeNull();
    expect(await shop.prisma.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await validateSessionToken(shop.prisma, cookies.get("shop_session")?.value ?? "")).not.toBeNull();
    await expect(elsewhere.caller.account.sessions.list()).resolves.toHaveLength(1); // only the new session is left
    await expect(caller.auth.resetPassword({ token, password: "yet another passphrase" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("invalid or has expired"),
    });
    await expect(caller.auth.signIn({ email: user.email, password: OLD })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(caller.auth.signIn({ email: user.email, password: NEW })).resolves.toBeTruthy();
  });

  it("refuses an expired link and a forged one", async () => {
    const user = await shop.make.user({ password: OLD });
    const { caller } = await callerFor(shop.prisma);
    await caller.auth.requestPasswordReset({ email: user.email });
    const token = await latestLink(user.email);
    const [id] = token.split(".");
    await expect(caller.auth.resetPassword({ token: `${id}.${"b".repeat(32)}`, password: NEW })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await shop.prisma.passwordResetToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(caller.auth.resetPassword({ token, password: NEW })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("changes the password after re-entering it, keeping only this session, and tells the user", async () => {
    const user = await shop.make.user({ password: OLD });
    await callerFor(shop.prisma, { userId: user.id });
    const here = await callerFor(shop.prisma, { userId: user.id });
    await expect(
      here.caller.account.changePassword({ currentPassword: "wrong passphrase!", newPassword: NEW }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await here.caller.account.changePassword({ currentPassword: OLD, newPassword: NEW });
    const remaining = await here.caller.account.sessions.list();
    expect(remaining).toHaveLength(1);
    expect(remaining[0]?.current).toBe(true);
    expect(await shop.prisma.emailOutbox.count({ where: { to: user.email, template: "password-changed" } })).toBe(1);
  });

  it("changes the email after re-entering the password, refusing one already taken", async () => {
    const user = await shop.make.user({ password: OLD });
    const taken = await shop.make.user();
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    await expect(
      caller.account.changeEmail({ email: "new@example.com", password: "not my passphrase" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.account.changeEmail({ email: taken.email, password: OLD })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const updated = await caller.account.changeEmail({ email: "New.Address@Example.com", password: OLD });
    expect(updated.email).toBe("new.address@example.com");
    expect(await shop.prisma.emailOutbox.count({ where: { to: user.email, template: "email-changed" } })).toBe(1);
  });
});
