import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, setupTestShop } from "./support.ts";

const home = {
  fullName: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "gb",
};

describe("profile and addresses", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  beforeAll(async () => {
    shop = await setupTestShop();
  });
  afterAll(() => shop.db.close());

  it("updates the profile name", async () => {
    const user = await shop.make.user({ name: "Old Name" });
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    expect((await caller.account.updateProfile({ name: "  New Name " })).name).toBe("New Name");
    await expect(caller.account.updateProfile({ name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("manages addresses: the first becomes default, defaults can move, deleting clears them", async () => {
    const user = await shop.make.user();
    const { caller } = await callerFor(shop.prisma, { userId: user.id });
    const first = await caller.account.addresses.create(home);
    expect(first.country).toBe("GB");
    const second = await caller.account.addresses.create({
      ...home,
      line1: "1 Other Road",
      company: "",
      phone: "+44 20 0000 0000",
    });
    expect(second.company).toBeNull();
    let list = await caller.account.addresses.list();
    expect(list.map((a) => [a.id, a.isDefaultShipping, a.isDefaultBilling])).toEqual([
      [first.id, true, true],
      [second.id, false, false],
    ]);
    await caller.account.addresses.setDefault({ id: second.id, kind: "shipping" });
    await caller.account.addresses.update({ id: first.id, address: { ...home, city: "Cambridge" } });
    list = await caller.account.addresses.list();
    expect(list.map((a) => [a.city, a.isDefaultShipping, a.isDefaultBilling])).toEqual([
      ["Cambridge", false, true],
      ["London", true, false],
    ]);
    await caller.account.addresses.delete({ id: second.id });
    expect((await caller.account.profile()).defaultShippingAddressId).toBeNull();
  });

  it("never lets one customer read or change another's addresses or sessions", async () => {
    const alice = await shop.make.user();
    const bob = await shop.make.user();
    const asAlice = await callerFor(shop.prisma, { userId: alice.id });
    const asBob = await callerFor(shop.prisma, { userId: bob.id });
    const address = await asAlice.caller.account.addresses.create(home);
    const [aliceSession] = await asAlice.caller.account.sessions.list();
    expect(await asBob.caller.account.addresses.list()).toEqual([]);
    await expect(asBob.caller.account.addresses.update({ id: address.id, address: home })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(asBob.caller.account.addresses.delete({ id: address.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(asBob.caller.account.addresses.setDefault({ id: address.id, kind: "both" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(asBob.caller.account.sessions.revoke({ id: aliceSession?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await shop.prisma.address.count({ where: { userId: alice.id } })).toBe(1);
    expect(await shop.prisma.session.count({ where: { userId: alice.id } })).toBe(1);
  });
});
