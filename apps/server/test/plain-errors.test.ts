import { appRouter } from "@shop/api";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { looksInternal } from "@shop/validators";
import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

// Every procedure of the router, called over HTTP by an admin with input that cannot be right:
// whatever it answers, its message and every field message are sentences for a person, never
// zod's JSON, a stack or an internal code. A procedure added tomorrow is covered too.

const isProcedure = (value: unknown): value is AnyProcedure => typeof value === "function" && "_def" in value;
const procedures = Object.entries(appRouter._def.procedures).flatMap(([path, value]: [string, unknown]) =>
  isProcedure(value) ? [[path, value._def.type] as const] : [],
);

const badInputs: Record<string, unknown> = {
  "an unknown key": { bogus: "x" },
  "a number for an object": 12,
  "wrong types everywhere": { id: "one", email: 5, number: "x", items: "none", country: 7, code: [] },
};

type ErrorBody = {
  error?: {
    json?: { message?: string; data?: { zodError?: { formErrors: string[]; fieldErrors: Record<string, string[]> } } };
  };
};

describe("error messages over HTTP", () => {
  let db: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let token = "";
  beforeAll(async () => {
    db = await createTestDatabase();
    await factories(db.prisma).user({
      email: "plain@example.com",
      password: "a long enough passphrase",
      role: "ADMIN",
    });
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      PUBLIC_URL: "https://shop.example",
    });
    app = await buildApp(env, db);
    const signIn = await app.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { "content-type": "application/json" },
      payload: { json: { email: "plain@example.com", password: "a long enough passphrase", session: "bearer" } },
    });
    token = signIn.json().result.data.json.token;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it("has procedures to call", () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  it("answers bad input to every procedure in words", async () => {
    const messages: string[] = [];
    for (const [path, type] of procedures) {
      if (type === "subscription" || path === "auth.signOut" || path === "auth.signOutEverywhere") continue;
      for (const [what, input] of Object.entries(badInputs)) {
        const payload = JSON.stringify({ json: input });
        const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
        const response =
          type === "query"
            ? await app.inject({ url: `/trpc/${path}?input=${encodeURIComponent(payload)}`, headers })
            : await app.inject({ method: "POST", url: `/trpc/${path}`, headers, payload });
        const body: ErrorBody = response.json();
        const error = body.error?.json;
        if (!error) continue;
        const texts = [
          error.message ?? "",
          ...(error.data?.zodError?.formErrors ?? []),
          ...Object.values(error.data?.zodError?.fieldErrors ?? {}).flat(),
        ];
        for (const text of texts) {
          messages.push(text);
          expect(text.trim(), `${path} with ${what}`).not.toBe("");
          expect(looksInternal(text), `${path} with ${what}: ${text}`).toBe(false);
        }
      }
    }
    expect(messages.length).toBeGreaterThan(procedures.length);
  });
});
