import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords.ts";
import { hashPassword, needsRehash, verifyPassword } from "./password.ts";

describe("passwords", () => {
  it("hashes with argon2id at the shop's parameters and verifies", async () => {
    const hash = await hashPassword("tr0ub4dor & 3 more words");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword(hash, "tr0ub4dor & 3 more words")).toBe(true);
    expect(await verifyPassword(hash, "Tr0ub4dor & 3 more words")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });

  it("flags hashes made with other parameters for rehashing", () => {
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuu")).toBe(true);
  });

  it("knows the most common passwords, case-insensitively", () => {
    expect(isCommonPassword("qwerty123456")).toBe(true);
    expect(isCommonPassword("QWERTY123456")).toBe(true);
    expect(isCommonPassword("violet harbour lanterns")).toBe(false);
  });
});
