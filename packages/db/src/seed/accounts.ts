import { hashPassword } from "@shop/auth";
import type { SqlRunner } from "../sql.ts";
import { insertRows, nextId, syncSequence } from "./bulk.ts";
import type { SeedCustomer } from "./orders.ts";
import { address, emailFor, personName } from "./people.ts";
import type { Random } from "./random.ts";

/** Dev-only sign-ins, stated in the README. Never use these outside a demo. */
export const demoAccounts = [
  { email: "admin@example.com", password: "admin-demo-password", name: "Avery Admin", role: "ADMIN" },
  { email: "staff@example.com", password: "staff-demo-password", name: "Sasha Staff", role: "STAFF" },
  { email: "customer@example.com", password: "customer-demo-password", name: "Casey Customer", role: "CUSTOMER" },
] as const;

const DAY = 86_400_000;

/**
 * The demo accounts plus `count` generated customers (without passwords: they exist to have
 * placed orders and written reviews), each with an address.
 */
export async function seedAccounts(
  sql: SqlRunner,
  options: { random: Random; now: Date; count: number },
): Promise<SeedCustomer[]> {
  const { random, now } = options;
  let userId = await nextId(sql, "User");
  const users: Array<Record<string, unknown>> = [];
  const addresses: Array<Record<string, unknown>> = [];
  const customers: SeedCustomer[] = [];
  let addressId = await nextId(sql, "Address");

  const add = (input: { email: string; name: string; role: string; passwordHash: string | null; since: Date }) => {
    const id = userId++;
    const home = address(random, input.name);
    const homeId = addressId++;
    users.push({
      id,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: input.since,
      updatedAt: input.since,
    });
    addresses.push({ id: homeId, userId: id, ...home, createdAt: input.since, updatedAt: input.since });
    return { id, email: input.email, address: home, since: input.since };
  };

  for (const account of demoAccounts) {
    const since = new Date(now.getTime() - 400 * DAY);
    const seeded = add({ ...account, passwordHash: await hashPassword(account.password), since });
    // The demo customer has a history of their own to look at.
    if (account.role === "CUSTOMER") for (let i = 0; i < 8; i++) customers.push(seeded);
  }
  for (let n = 0; n < options.count; n++) {
    const name = personName(random);
    const since = new Date(now.getTime() - random.int(0, 420) * DAY);
    customers.push(add({ email: emailFor(name, n), name, role: "CUSTOMER", passwordHash: null, since }));
  }
  // Guests: orders with an email and no account.
  for (let n = 0; n < Math.ceil(options.count / 5); n++) {
    const name = personName(random);
    customers.push({
      id: null,
      email: `guest.${n}@example.net`,
      address: address(random, name),
      since: new Date(now.getTime() - 400 * DAY),
    });
  }

  const firstUserId = userId - users.length;
  await insertRows(
    sql,
    "User",
    {
      id: "int",
      email: "text",
      name: "text",
      role: "enum:Role",
      passwordHash: "text",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    users,
  );
  await insertRows(
    sql,
    "Address",
    {
      id: "int",
      userId: "int",
      fullName: "text",
      line1: "text",
      city: "text",
      region: "text",
      postalCode: "text",
      country: "text",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    addresses,
  );
  await sql.query(
    `UPDATE "User" u SET "defaultShippingAddressId" = a."id", "defaultBillingAddressId" = a."id"
       FROM "Address" a WHERE a."userId" = u."id" AND u."id" >= $1`,
    [firstUserId],
  );
  await syncSequence(sql, "User");
  await syncSequence(sql, "Address");
  return customers;
}
