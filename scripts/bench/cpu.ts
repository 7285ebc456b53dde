// Where the cores went during a measurement: CPU time of given processes from /proc (Linux),
// and how busy the whole machine was. On a small machine the load generator, the proxy, Redis,
// PostgreSQL and Node compete for the same cores, and these figures say by how much.
import { readFileSync, readdirSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** utime + stime of a process in seconds; 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Processes whose parent is `pid` (nginx's workers). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) children.push(Number(entry));
    } catch {
      // Exited meanwhile.
    }
  }
  return children;
}

/** Every process named `name` (PostgreSQL's backends belong to the shared server, so this counts others' work too). */
export function processesNamed(name: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      try {
        return readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function machineTicks() {
  const [cpu = ""] = readFileSync("/proc/stat", "utf8").split("\n");
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { idle, total: values.reduce((a, b) => a + b, 0) };
}

/** Starts counting; `stop()` gives cores used per group (CPU seconds per wall second) and machine busy share. */
export function cpuMeter(groups: Record<string, () => number[]>) {
  const started = performance.now();
  const self = process.cpuUsage();
  const before = Object.fromEntries(
    Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((pid) => [pid, cpuSeconds(pid)]))]),
  );
  const machine = machineTicks();
  return () => {
    const wall = (performance.now() - started) / 1000;
    const used: Record<string, number> = {};
    for (const [name, pids] of Object.entries(groups)) {
      let seconds = 0;
      for (const pid of pids()) seconds += cpuSeconds(pid) - (before[name]?.get(pid) ?? 0);
      used[name] = Number((seconds / wall).toFixed(2));
    }
    const own = process.cpuUsage(self);
    used.loadGenerator = Number(((own.user + own.system) / 1e6 / wall).toFixed(2));
    const after = machineTicks();
    const busy = 1 - (after.idle - machine.idle) / Math.max(1, after.total - machine.total);
    return { coresUsed: used, machineBusyPercent: Math.round(busy * 100) };
  };
}
