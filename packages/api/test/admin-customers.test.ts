import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

describe("admin: customers and the dev mailbox", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  let adminId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    staffId = (await shop.make.user({ role: "STAFF", email: "staffer@shop.test" })).id;
    adminId = (await shop.make.user({ role: "ADMIN", email: "boss@shop.test" })).id;
  });
  afterAll(() => shop.db.close());

  it("lists customers with search, filters and pagination, and shows one with addresses and orders", async () => {
    for (let i = 0; i < 5; i++) await shop.make.user({ name: `Grace ${i}`, email: `grace${i}@example.org` });
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const page1 = await caller.admin.customers.list({ search: "GRACE", limit: 3 });
    const page2 = await caller.admin.customers.list({ search: "grace", limit: 3, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((c) => c.name).sort()).toEqual([
      "Grace 0",
      "Grace 1",
      "Grace 2",
      "Grace 3",
      "Grace 4",
    ]);
    expect(page2.nextCursor).toBeNull();
    const staffOnly = await caller.admin.customers.list({ role: "STAFF" });
    expect(staffOnly.items.map((c) => c.email)).toEqual(["staffer@shop.test"]);
    const one = await caller.admin.customers.get({ id: page1.items[0]?.id ?? 0 });
    expect(one).toMatchObject({ addresses: [], orders: [], reviews: [], orderCount: 0 });
    await expect(caller.admin.customers.get({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets staff disable a customer, ending their sessions at once, and records it in the audit trail", async () => {
    const customer = await shop.make.user();
    const signedIn = await callerFor(shop.prisma, { userId: customer.id });
    const [session] = await signedIn.caller.account.sessions.list();
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    await caller.admin.customers.setDisabled({ userId: customer.id, disabled: true });
    expect(await shop.prisma.session.count({ where: { id: session?.id } })).toBe(0);
    expect((await caller.admin.customers.list({ status: "disabled" })).items.map((c) => c.id)).toContain(customer.id);
    const audit = await shop.prisma.auditLog.findFirstOrThrow({
      where: { entityType: "User", entityId: String(customer.id) },
    });
    expect(audit).toMatchObject({ action: "user.disable", actorId: staffId, before: { disabledAt: null } });
    await caller.admin.customers.setDisabled({ userId: customer.id, disabled: false });
    expect((await shop.prisma.user.findUniqueOrThrow({ where: { id: customer.id } })).disabledAt).toBeNull();
  });

  it("keeps staff from disabling staff, and anyone from locking themselves or the last admin out", async () => {
    const other = await shop.make.user({ role: "STAFF" });
    const asStaff = await callerFor(shop.prisma, { userId: staffId });
    await expect(
      asStaff.caller.admin.customers.setDisabled({ userId: other.id, disabled: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asStaff.caller.admin.customers.setDisabled({ userId: staffId, disabled: true })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    const asAdmin = await callerFor(shop.prisma, { userId: adminId });
    await asAdmin.caller.admin.customers.setDisabled({ userId: other.id, disabled: true });
    await expect(asAdmin.caller.admin.customers.setRole({ userId: adminId, role: "CUSTOMER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets admins change roles, ending the user's sessions so the new role applies", async () => {
    const promoted = await shop.make.user();
    const session = await callerFor(shop.prisma, { userId: promoted.id });
    const [before] = await session.caller.account.sessions.list();
    const { caller } = await callerFor(shop.prisma, { userId: adminId });
    await caller.admin.customers.setRole({ userId: promoted.id, role: "STAFF" });
    expect((await shop.prisma.user.findUniqueOrThrow({ where: { id: promoted.id } })).role).toBe("STAFF");
    expect(await shop.prisma.session.count({ where: { id: before?.id } })).toBe(0);
    const audit = await shop.prisma.auditLog.findFirstOrThrow({
      where: { action: "user.role", entityId: String(promoted.id) },
    });
    expect(audit).toMatchObject({ before: { role: "CUSTOMER" }, after: { role: "STAFF" } });
  });

  it("shows outgoing email in the dev mailbox, and turns it off when SMTP delivers email", async () => {
    const user = await shop.make.user({ email: "mailbox-reader@example.com" });
    const anonymous = await callerFor(shop.prisma);
    await anonymous.caller.auth.requestPasswordReset({ email: user.email });
    const { caller } = await callerFor(shop.prisma, { userId: staffId });
    const list = await caller.admin.mailbox.list({ to: "mailbox-reader" });
    expect(list.items).toHaveLength(1);
    const message = await caller.admin.mailbox.get({ id: list.items[0]?.id ?? 0 });
    expect(message.text).toContain("/reset-password#token=");
    const smtp = await callerFor(shop.prisma, { userId: staffId, config: { devMailbox: false } });
    await expect(smtp.caller.admin.mailbox.list({})).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await smtp.caller.admin.mailbox.status()).toEqual({ enabled: false, showsSecrets: false });
  });
});
