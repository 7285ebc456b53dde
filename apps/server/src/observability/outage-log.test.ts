import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOutageLog } from "./outage-log.ts";

describe("createOutageLog", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("logs the first failure of a burst, then a count per window while it lasts, and starts afresh after", () => {
    const lines: Array<{ level: number; msg: string; suppressed?: number }> = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const outage = createOutageLog(logger, "dependency unavailable", 10_000);
    for (let i = 0; i < 744; i++) outage(new Error("connect ECONNREFUSED"));
    expect(lines.map((line) => [line.level, line.msg])).toEqual([[50, "dependency unavailable"]]);
    vi.advanceTimersByTime(10_000);
    expect(lines[1]).toMatchObject({ level: 40, suppressed: 743, msg: "dependency unavailable (continued: 743 more)" });
    outage(new Error("still down"));
    vi.advanceTimersByTime(10_000);
    expect(lines[2]).toMatchObject({ suppressed: 1 });
    vi.advanceTimersByTime(10_000); // a quiet window: the burst is over
    expect(lines).toHaveLength(3);
    outage(new Error("down again"));
    expect(lines[3]).toMatchObject({ level: 50, msg: "dependency unavailable" });
  });
});
