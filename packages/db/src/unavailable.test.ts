import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client.ts";
import { isDatabaseUnavailable } from "./unavailable.ts";

// The shapes below were captured from a real PostgreSQL 15 being stopped (`pg_ctl stop -m fast`)
// and from pg_terminate_backend; postgres-outage.pg.test.ts checks the live ones end to end.
const known = (code: string, meta: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "7", meta });
const socket = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });

describe("isDatabaseUnavailable", () => {
  it("recognises a stopped, restarting, cut or exhausted database from every layer", () => {
    const unreachable = { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1" } } };
    const terminated = { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01", code: "57P01" } } };
    for (const error of [
      known("P1001", unreachable),
      known("P2010", unreachable), // $queryRaw: "Raw query failed", the adapter's cause says why
      known("P2010", terminated),
      known("P1017", {}),
      known("P2028", {}),
      socket("ECONNREFUSED"),
      socket("ECONNRESET"),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
      Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Query read timeout"), // a stalled server (client-side query timeout)
      new Error("request failed", { cause: socket("ECONNREFUSED") }),
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
  });

  it("leaves application errors alone", () => {
    const syntax = { driverAdapterError: { cause: { kind: "postgres", originalCode: "42601" } } };
    for (const error of [
      known("P2002", {}),
      known("P2025", {}),
      known("P2010", syntax),
      Object.assign(new Error("new row violates check constraint"), { code: "23514" }),
      Object.assign(new Error("injected fault"), { code: "P0001" }),
      new Error("Something else"),
      null,
      "ECONNREFUSED",
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});
