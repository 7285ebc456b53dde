import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * What no person should read on a page: JSON, a stack trace, an internal error code
 * (BAD_REQUEST, too_big) or a bare "[object Object]". Matched against the page's visible text.
 */
const internal = [
  /[[{]\s*"[\w$]+"\s*:/,
  /\bat \S+ \(\S+:\d+:\d+\)/,
  /\b(?:BAD_REQUEST|INTERNAL_SERVER_ERROR|PRECONDITION_FAILED|TOO_MANY_REQUESTS|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT|PARSE_ERROR|SERVICE_UNAVAILABLE)\b/,
  /\b(?:too_big|too_small|invalid_type|invalid_format|invalid_union|unrecognized_keys)\b/,
  /\[object Object\]|\bundefined\b|\bNaN\b/,
  /ZodError|TRPCClientError|Unexpected token/,
];

/** Fails if the page shows anything in `internal`; `where` names the screen in the failure. */
export async function expectPlainText(page: Page, where: string) {
  const text = await page.locator("body").innerText();
  for (const pattern of internal) expect(text, `${where} shows ${pattern}`).not.toMatch(pattern);
}

/** The message a field's aria-describedby points at, if it is marked invalid. */
export async function fieldError(page: Page, label: string): Promise<string | null> {
  const field = page.getByLabel(label, { exact: true });
  if ((await field.getAttribute("aria-invalid")) !== "true") return null;
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const last = ids.at(-1);
  return last ? page.locator(`[id="${last}"]`).innerText() : null;
}
