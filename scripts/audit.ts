// npm run audit:prod (and .ci/run): `npm audit` of the production dependencies. High or
// critical advisories fail the build; an audit service that cannot be reached (some mirrors and
// proxies answer the bulk advisory endpoint with 405) is a warning, because "we could not ask"
// is not "vulnerable" — but it is said loudly, so nobody mistakes it for a clean report.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { z } from "zod";

const Report = z.object({
  vulnerabilities: z.record(
    z.string(),
    z.object({ severity: z.string(), isDirect: z.boolean().optional(), fixAvailable: z.unknown().optional() }),
  ),
  metadata: z.object({ vulnerabilities: z.object({ high: z.number(), critical: z.number(), total: z.number() }) }),
});
const Failure = z.object({
  message: z.string().optional(),
  error: z.object({ summary: z.string().optional() }).optional(),
});

// `--report file.json` checks a saved `npm audit --omit=dev --json` (made where the service answers).
const saved = process.argv.indexOf("--report");
const audit =
  saved > 0
    ? { stdout: readFileSync(process.argv[saved + 1] ?? "", "utf8"), stderr: "", error: undefined }
    : spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let json: unknown;
try {
  json = JSON.parse(audit.stdout);
} catch {
  json = undefined;
}

const report = Report.safeParse(json);
if (!report.success) {
  const failure = Failure.safeParse(json);
  const reason =
    (failure.success && (failure.data.message || failure.data.error?.summary)) ||
    audit.error?.message ||
    audit.stderr.trim().split("\n").at(-1) ||
    "no answer";
  console.warn(
    `::warning::npm audit could not reach the advisory service (${reason}); production dependencies were NOT audited.`,
  );
  process.exit(0);
}

const counts = report.data.metadata.vulnerabilities;
const serious = Object.entries(report.data.vulnerabilities).filter(
  ([, v]) => v.severity === "high" || v.severity === "critical",
);
for (const [name, v] of serious)
  console.error(`  ${v.severity.padEnd(8)} ${name}${v.fixAvailable ? " (fix available: npm audit fix)" : ""}`);
console.log(
  `npm audit (production dependencies): ${counts.total} advisories, ${counts.high} high, ${counts.critical} critical.`,
);
if (serious.length > 0) process.exit(1);
