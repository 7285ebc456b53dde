import axe from "axe-core";
import type { AxeResults, Result } from "axe-core";

type Axe = typeof axe;
import type { Page } from "playwright-core";

declare global {
  var axe: Axe;
}

export const axeTags = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

export type AxeSummary = { blocking: Result[]; other: Result[] };

/**
 * Runs axe-core in the page. It is evaluated over the DevTools protocol, which the shop's
 * Content-Security-Policy (no inline scripts) does not apply to.
 */
export async function runAxe(page: Page): Promise<AxeSummary> {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axe.source);
  const results: AxeResults = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    axeTags,
  );
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return { blocking, other: results.violations.filter((v) => !blocking.includes(v)) };
}

/** One line per violation and offending element, for a readable failure message. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.impact} ${v.id}: ${v.help} — ${node.target.join(" ")} — ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`,
      ),
    )
    .join("\n");
}
