import type { Browser, BrowserContext, Page } from "playwright-core";
import { baseUrl, waitForHydration } from "./browser.ts";
import type { Role, UxRoute } from "./routes/types.ts";

const logins: Record<Exclude<Role, "guest">, { email: string; password: string; at: string }> = {
  customer: { email: "customer@example.com", password: "customer-demo-password", at: "/sign-in" },
  staff: { email: "staff@example.com", password: "staff-demo-password", at: "/admin/sign-in" },
  admin: { email: "admin@example.com", password: "admin-demo-password", at: "/admin/sign-in" },
};

export type RolePage = { context: BrowserContext; page: Page; errors: string[] };

/** A fresh context signed in as `role` (or not at all), collecting page errors and 5xx answers. */
export async function pageAs(
  browser: Browser,
  role: Role,
  viewport = { width: 1280, height: 800 },
  colorScheme: "light" | "dark" = "light",
): Promise<RolePage> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });
  if (role !== "guest") {
    const login = logins[role];
    await page.goto(login.at);
    if (!login.at.startsWith("/admin")) await waitForHydration(page);
    await page.getByLabel("Email").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  }
  return { context, page, errors };
}

/** Waits until the page has content and no skeleton or busy region is left. */
export async function settle(page: Page) {
  await page.waitForFunction(
    () =>
      (document.querySelector("main")?.textContent?.trim().length ?? 0) > 0 &&
      !document.querySelector(".animate-pulse, [aria-busy=true]"),
    undefined,
    { timeout: 15_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Brings the page to the route's state: navigates (unless already there), settles, runs `then`. */
export async function visit(page: Page, route: UxRoute) {
  const target = typeof route.path === "string" ? route.path : await route.path(page);
  const current = new URL(page.url() === "about:blank" ? baseUrl() : page.url());
  if (typeof route.path === "string" || current.pathname + current.search !== target) {
    await page.goto(target);
    if (!target.startsWith("/admin")) await waitForHydration(page);
  }
  await settle(page);
  if (route.then) {
    await route.then(page);
    await settle(page);
  }
}

/** Routes grouped by role, in their listed order. */
export function byRole(routes: readonly UxRoute[]): [Role, UxRoute[]][] {
  const groups = new Map<Role, UxRoute[]>();
  for (const route of routes) groups.set(route.as, [...(groups.get(route.as) ?? []), route]);
  return [...groups];
}
