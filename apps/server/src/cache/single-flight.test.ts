import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight.ts";

describe("singleFlight", () => {
  it("shares one computation among concurrent callers of a key, and computes again afterwards", async () => {
    const flight = singleFlight<number>();
    let calls = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = async () => {
      calls++;
      await gate;
      return calls;
    };
    const waiting = [flight.run("a", compute), flight.run("a", compute), flight.run("b", compute)];
    release();
    expect(await Promise.all(waiting)).toEqual([2, 2, 2]);
    expect(calls).toBe(2);
    expect(await flight.run("a", compute)).toBe(3);
  });

  it("lets the next caller retry after a failure", async () => {
    const flight = singleFlight<string>();
    await expect(flight.run("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await flight.run("k", async () => "up")).toBe("up");
  });
});
