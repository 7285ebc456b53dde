import { describe, expect, it } from "vitest";
import { createBreaker, withTimeout } from "./breaker.ts";

const never = () => new Promise<string>(() => {});
const fallback = async () => "fallback";

describe("createBreaker", () => {
  it("bounds each call by its timeout, opens after three failures in a row, then skips the dependency", async () => {
    let clock = 0;
    const changes: string[] = [];
    const breaker = createBreaker({
      timeoutMs: 20,
      cooldownMs: 1_000,
      now: () => clock,
      onChange: (s) => changes.push(s),
    });
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect(await breaker.run(never, fallback)).toBe("fallback");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(breaker.state()).toBe("open");
    expect(changes).toEqual(["open"]);
    let called = 0;
    expect(await breaker.run(async () => (called++, "primary"), fallback)).toBe("fallback");
    expect(called).toBe(0);

    // After the cooldown one probe goes through; while it is out, others take the fallback.
    clock += 1_000;
    expect(breaker.state()).toBe("half-open");
    let finish = (_: string) => {};
    const probe = breaker.run(() => new Promise<string>((resolve) => (finish = resolve)), fallback);
    expect(await breaker.run(async () => (called++, "primary"), fallback)).toBe("fallback");
    expect(called).toBe(0);
    finish("primary");
    expect(await probe).toBe("primary");
    expect(breaker.state()).toBe("closed");
    expect(changes).toEqual(["open", "closed"]);
  });

  it("reopens quietly when the probe fails, and forgives isolated failures", async () => {
    let clock = 0;
    const changes: string[] = [];
    const breaker = createBreaker({
      timeoutMs: 10,
      cooldownMs: 100,
      now: () => clock,
      onChange: (s) => changes.push(s),
    });
    const fail = () => Promise.reject(new Error("down"));
    await breaker.run(fail, fallback);
    await breaker.run(fail, fallback);
    await breaker.run(async () => "ok", fallback);
    await breaker.run(fail, fallback);
    expect(breaker.state()).toBe("closed");
    await breaker.run(fail, fallback);
    await breaker.run(fail, fallback);
    expect(breaker.state()).toBe("open");
    clock += 100;
    expect(await breaker.run(fail, fallback)).toBe("fallback");
    expect(breaker.state()).toBe("open");
    expect(changes).toEqual(["open"]);
  });
});

describe("withTimeout", () => {
  it("rejects after the time given, and passes a prompt answer through", async () => {
    await expect(withTimeout(never(), 10, "redis")).rejects.toThrow("redis timed out after 10 ms");
    expect(await withTimeout(Promise.resolve(1), 10)).toBe(1);
  });
});
