import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Writable } from "node:stream";
import { findRepoRoot } from "@shop/db";
import { createTestDatabase, factories } from "@shop/db/testing";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

describe("secrets in the dev mailbox", () => {
  it("are hidden unless NODE_ENV=development or the operator sets MAILBOX_SHOW_SECRETS", () => {
    expect(parseServerEnv({ NODE_ENV: "production" }).mailboxShowsSecrets).toBe(false);
    expect(parseServerEnv({ NODE_ENV: "test" }).mailboxShowsSecrets).toBe(false);
    expect(parseServerEnv({ NODE_ENV: "production", MAILBOX_SHOW_SECRETS: "false" }).mailboxShowsSecrets).toBe(false);
    expect(parseServerEnv({ NODE_ENV: "development" }).mailboxShowsSecrets).toBe(true);
    expect(parseServerEnv({ NODE_ENV: "production", MAILBOX_SHOW_SECRETS: "true" }).mailboxShowsSecrets).toBe(true);
    expect(() => parseServerEnv({ MAILBOX_SHOW_SECRETS: "yes please" })).toThrow(/MAILBOX_SHOW_SECRETS/);
  });

  it("the operator's opt-in logs a warning at start", async () => {
    const db = await createTestDatabase();
    const lines: string[] = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const env = (extra: Record<string, string>) =>
      parseServerEnv({ NODE_ENV: "production", SERVE_APPS: "false", LOG_LEVEL: "info", ...extra });
    try {
      await (await buildApp(env({}), db, { logger })).close();
      expect(lines.join("")).not.toContain("MAILBOX_SHOW_SECRETS");
      await (await buildApp(env({ MAILBOX_SHOW_SECRETS: "true" }), db, { logger })).close();
      const warning = lines
        .map((line) => JSON.parse(line))
        .find((line) => String(line.msg).includes("MAILBOX_SHOW_SECRETS"));
      expect(warning).toMatchObject({ level: 40, msg: expect.stringContaining("take over any account") });
    } finally {
      await db.close();
    }
  });

  it("the owner's command-line reset prints a working one-time link (PostgreSQL: a second process)", async () => {
    const db = await createTestDatabase();
    try {
      await factories(db.prisma).user({ email: "owner@example.com", role: "ADMIN" });
      // The embedded database belongs to one process: this file's. The service behind the command is
      // tested on it in packages/api (account-takeover.test.ts); here the command itself runs.
      if (!db.url) return;
      const root = findRepoRoot();
      const run = (email: string) =>
        spawnSync(process.execPath, ["--import", "tsx", join(root, "apps/server/scripts/reset-password.ts"), email], {
          cwd: root,
          encoding: "utf8",
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: db.url,
            PUBLIC_URL: "https://shop.example",
            LOG_LEVEL: "silent",
          },
          timeout: 60_000,
        });
      const done = run("Owner@Example.com");
      expect(done.status, done.stderr).toBe(0);
      const link = /https:\/\/shop\.example\/reset-password#token=(\S+)/.exec(done.stdout)?.[1];
      expect(link).toBeDefined();
      expect(await db.prisma.passwordResetToken.count()).toBe(1);
      const missing = run("nobody@example.com");
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain("No account has the email nobody@example.com");
    } finally {
      await db.close();
    }
  });
});
