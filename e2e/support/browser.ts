import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

export const baseUrl = () => inject("baseUrl");

/** Headless Debian Chromium with the flags this sandbox needs; Playwright gives each launch a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject("chromium"),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The storefront's pages arrive rendered by the server; their buttons work once React has hydrated
 * them (it marks <html data-hydrated>). Call after every full page load before interacting.
 */
export async function waitForHydration(page: Page) {
  try {
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  } catch (error) {
    // Say what the page was doing instead: a timeout alone does not tell a stuck script from a stuck request.
    const state = await page
      .evaluate(() => ({
        url: location.href,
        readyState: document.readyState,
        serverRendered: document.getElementById("shop-state") !== null,
        scripts: [...document.scripts].map((script) => script.src || "(inline)"),
        pending: performance
          .getEntriesByType("resource")
          .filter((entry) => entry instanceof PerformanceResourceTiming && entry.responseEnd === 0)
          .map((entry) => entry.name),
        body: document.body.innerText.slice(0, 400),
      }))
      .catch((reason: unknown) => String(reason));
    throw new Error(`the page never hydrated: ${JSON.stringify(state)}`, { cause: error });
  }
}

/** A page that fails the test on any uncaught error or failed request to the shop. */
export async function openPage(
  browser: Browser,
  path = "/",
  base = baseUrl(),
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(path);
  if (!path.startsWith("/admin")) await waitForHydration(page);
  return { context, page, errors };
}
