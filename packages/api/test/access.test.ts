import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import type { Access } from "../src/trpc.ts";
import { callerFor, setupTestShop } from "./support.ts";

// Every procedure of the router, checked against every kind of caller according to the access
// it declares. A procedure added tomorrow is covered without touching this file; one that
// declares no access fails.

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
        const outcome = await call(caller, path, { probe: true }).then(
          () => "ok",
          (error: unknown) => (error && typeof error === "object" && "code" in error ? String(error.code) : "error"),
        );
        if (allowed[access].includes(who)) {
          expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(outcome);
        } else {
          expect(outcome).toBe(who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
        }
      });
    }
  }
});
