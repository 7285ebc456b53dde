import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueResetLinkForOperator } from "../src/services/auth/force-reset.ts";
import { callerFor, setupTestShop } from "./support.ts";

// No procedure lets one user obtain a credential (reset or sign-up link, session token) for
// another account: not through the dev mailbox, not through the admin's reset action.

const TOKEN = /[a-z2-7]{24}\.[a-z2-7]{32}/;
const PASSWORD = "the admin's own passphrase";

describe("no account is reachable through another", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let admin: { id: number; email: string };
  let staff: { id: number; email: string };
  beforeAll(async () => {
    shop = await setupTestShop();
    admin = await shop.make.user({ role: "ADMIN", email: "owner@example.com", password: PASSWORD });
    staff = await shop.make.user({ role: "STAFF", email: "clerk@example.com", password: "the clerk's passphrase" });
  });
  afterAll(() => shop.db.close());

  const resetLinkIn = (text: string) => decodeURIComponent(/reset-password#token=(\S+)/.exec(text)?.[1] ?? "");

  it("staff cannot take over the admin account through the mailbox: the reset link is hidden", async () => {
    const anonymous = await callerFor(shop.prisma);
    await anonymous.caller.auth.requestPasswordReset({ email: admin.email });
    for (const reader of [staff, admin]) {
      const { caller } = await callerFor(shop.prisma, { userId: reader.id });
      expect(await caller.admin.mailbox.status()).toEqual({ enabled: true, showsSecrets: false });
      const list = await caller.admin.mailbox.list({ to: admin.email });
      expect(list.items.length).toBeGreaterThan(0);
      const message = await caller.admin.mailbox.get({ id: list.items[0]?.id ?? 0 });
      expect(message.subject).toBe("Reset your Shop password");
      expect(message.text).toContain("/reset-password#token=[hidden]");
      expect(message.text).not.toMatch(TOKEN);
      await expect(
        anonymous.caller.auth.resetPassword({ token: resetLinkIn(message.text), password: "taken over, ha ha" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const { caller } = await callerFor(shop.prisma);
    await expect(caller.auth.signIn({ email: admin.email, password: PASSWORD })).resolves.toBeTruthy();
  });

  it("sign-up links are hidden in the mailbox too", async () => {
    const anonymous = await callerFor(shop.prisma);
    await anonymous.caller.auth.register({ name: "Someone", email: "someone.new@example.com", password: PASSWORD });
    const { caller } = await callerFor(shop.prisma, { userId: staff.id });
    const [row] = (await caller.admin.mailbox.list({ to: "someone.new" })).items;
    const message = await caller.admin.mailbox.get({ id: row?.id ?? 0 });
    expect(message.text).toContain("/sign-up/confirm#token=[hidden]");
    expect(message.text).not.toMatch(TOKEN);
  });

  it("in development, or when the operator opts in, the mailbox shows the links", async () => {
    const anonymous = await callerFor(shop.prisma);
    const customer = await shop.make.user({ email: "demo.shopper@example.com" });
    await anonymous.caller.auth.requestPasswordReset({ email: customer.email });
    const { caller } = await callerFor(shop.prisma, { userId: staff.id, config: { mailboxShowsSecrets: true } });
    expect(await caller.admin.mailbox.status()).toEqual({ enabled: true, showsSecrets: true });
    const [row] = (await caller.admin.mailbox.list({ to: customer.email })).items;
    const message = await caller.admin.mailbox.get({ id: row?.id ?? 0 });
    expect(message.text).toMatch(TOKEN);
  });

  it("an admin forces a password reset without ever seeing the link; staff cannot force one", async () => {
    const victim = await shop.make.user({ email: "forced@example.com", password: "an old, leaked passphrase" });
    await callerFor(shop.prisma, { userId: victim.id }); // a session that must end
    const clerk = await callerFor(shop.prisma, { userId: staff.id });
    await expect(clerk.caller.admin.customers.forcePasswordReset({ userId: victim.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(clerk.caller.admin.customers.forcePasswordReset({ userId: admin.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const owner = await callerFor(shop.prisma, { userId: admin.id });
    const result = await owner.caller.admin.customers.forcePasswordReset({ userId: victim.id });
    expect(result).toEqual({ id: victim.id, sessionsEnded: 1, linkSentTo: victim.email });
    expect(JSON.stringify(result)).not.toMatch(TOKEN);
    expect(await shop.prisma.session.count({ where: { userId: victim.id } })).toBe(0);
    const anonymous = await callerFor(shop.prisma);
    await expect(
      anonymous.caller.auth.signIn({ email: victim.email, password: "an old, leaked passphrase" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const [row] = (await owner.caller.admin.mailbox.list({ to: victim.email })).items;
    expect((await owner.caller.admin.mailbox.get({ id: row?.id ?? 0 })).text).not.toMatch(TOKEN);
    const audit = await shop.prisma.auditLog.findFirstOrThrow({
      where: { action: "user.password-reset", entityId: String(victim.id) },
    });
    expect(audit).toMatchObject({ actorId: admin.id, after: { sessionsEnded: 1, linkSentTo: victim.email } });
    await expect(owner.caller.admin.customers.forcePasswordReset({ userId: admin.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    // The account's owner, reading their own email, gets back in.
    const sent = await shop.prisma.emailOutbox.findFirstOrThrow({
      where: { to: victim.email },
      orderBy: { id: "desc" },
    });
    const back = await anonymous.caller.auth.resetPassword({
      token: resetLinkIn(sent.text),
      password: "my fresh passphrase",
    });
    expect(back.user.id).toBe(victim.id);
  });

  it("an operator at the command line gets a one-time link for any account, and it is audited", async () => {
    const url = await issueResetLinkForOperator(shop.prisma, { email: admin.email, publicUrl: "http://shop.test" });
    expect(url).toMatch(/^http:\/\/shop\.test\/reset-password#token=/);
    await expect(
      issueResetLinkForOperator(shop.prisma, { email: "nobody@example.com", publicUrl: "" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { caller } = await callerFor(shop.prisma);
    const back = await caller.auth.resetPassword({ token: resetLinkIn(url), password: "the owner's new passphrase" });
    expect(back.user.id).toBe(admin.id);
    const audit = await shop.prisma.auditLog.findFirstOrThrow({ where: { action: "user.password-reset-link" } });
    expect(audit).toMatchObject({ actorId: null, entityId: String(admin.id), after: { via: "command line" } });
  });
});
