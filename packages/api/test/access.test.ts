import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import type { Access } from "../src/trpc.ts";
import { API_SCOPES, type ApiScope } from "@shop/validators";
import { callerFor, keyCallerFor, setupTestShop } from "./support.ts";

// Every procedure of the router, checked against every kind of caller according to the access
// it declares. A procedure added tomorrow is covered without touching this file; one that
// declares no access fails. API keys too: a key reaches exactly the procedures whose
// `meta.scope` it holds, and nothing else (not public ones, not staff mutations).

type Who = "anonymous" | "customer" | "staff" | "admin";
const allowed: Record<Access, Who[]> = {
  public: ["anonymous", "customer", "staff", "admin"],
  authed: ["customer", "staff", "admin"],
  staff: ["staff", "admin"],
  admin: ["admin"],
};

const isProcedure = (value: unknown): value is AnyProcedure => typeof value === "function" && "_def" in value;
// tRPC keeps a flat map of every procedure by its dotted path.
const procedures = Object.entries(appRouter._def.procedures).flatMap(([path, value]: [string, unknown]) =>
  isProcedure(value) ? [[path, value] as const] : [],
);

const accessOf = (value: unknown): Access | undefined =>
  value === "public" || value === "authed" || value === "staff" || value === "admin" ? value : undefined;

const scopeOf = (value: unknown): ApiScope | undefined => API_SCOPES.find((scope) => scope === value);

const outcomeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error && typeof error === "object" && "code" in error ? String(error.code) : "error"),
  );

function call(caller: object, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) {
    target =
      target && (typeof target === "object" || typeof target === "function") ? Reflect.get(target, part) : undefined;
  }
  if (typeof target !== "function") throw new Error(`no procedure at ${path}`);
  return Promise.resolve(target(input));
}

describe("access to every procedure", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  const users: Partial<Record<Who, number>> = {};
  beforeAll(async () => {
    shop = await setupTestShop();
    users.customer = (await shop.make.user({ role: "CUSTOMER" })).id;
    users.staff = (await shop.make.user({ role: "STAFF" })).id;
    users.admin = (await shop.make.user({ role: "ADMIN" })).id;
  });
  afterAll(() => shop.db.close());

  it("has procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(20);
  });

  for (const [path, procedure] of procedures) {
    const meta: unknown = procedure._def.meta;
    const access = meta && typeof meta === "object" && "access" in meta ? accessOf(meta.access) : undefined;

    it(`${path} declares its access`, () => {
      expect(["public", "authed", "staff", "admin"]).toContain(access);
    });

    for (const who of ["anonymous", "customer", "staff", "admin"] as const) {
      it(`${path} (${access}) as ${who}`, async () => {
        if (!access) throw new Error(`${path} declares no access`);
        // A fresh session per call: some procedures end the session they run in.
        const { caller } = await callerFor(shop.prisma, { userId: who === "anonymous" ? undefined : users[who] });
        // An input no schema accepts: allowed callers stop at validation (or run input-less procedures).
        const outcome = await outcomeOf(call(caller, path, { probe: true }));
        if (allowed[access].includes(who)) {
          expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(outcome);
        } else {
          expect(outcome).toBe(who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
        }
      });
    }

    const scope = meta && typeof meta === "object" && "scope" in meta ? meta.scope : undefined;
    const rest = meta && typeof meta === "object" && "rest" in meta ? meta.rest : undefined;

    it(`${path} is reachable by API keys only through a known scope, if at all`, () => {
      if (scope === undefined) {
        expect(rest, "a REST route needs a scope").toBeUndefined();
        return;
      }
      expect(API_SCOPES).toContain(scope);
      // Keys act as their (staff) creator: never on a shopper's own data, never on admin-only work.
      expect(["public", "staff"]).toContain(access);
      // Writes need a write scope; a read scope never reaches a mutation.
      expect(String(scope).endsWith(":read")).toBe(procedure._def.type === "query");
    });

    it(`${path} refuses an API key without its scope (an admin's key with every other scope)`, async () => {
      const others = API_SCOPES.filter((one) => one !== scope);
      const { caller } = await keyCallerFor(shop.prisma, { userId: users.admin ?? 0, scopes: others });
      expect(await outcomeOf(call(caller, path, { probe: true }))).toBe("FORBIDDEN");
    });

    const own = scopeOf(scope);
    if (own) {
      it(`${path} (${own}) lets a staff member's key holding ${own} through`, async () => {
        const { caller } = await keyCallerFor(shop.prisma, { userId: users.staff ?? 0, scopes: [own] });
        expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(await outcomeOf(call(caller, path, { probe: true })));
      });
    }
  }
});
