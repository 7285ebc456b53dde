import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";
import { placePaidOrder, signInAsStaff } from "./support/orders.ts";

describe("admin orders and coupons", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("finds a paid order, ships it, refunds one line, then marks it delivered: refund and delivery both show", async () => {
    const { number, email } = await placePaidOrder(browser);
    const { page, errors, context } = await openPage(browser, "/admin/orders");
    await signInAsStaff(page);
    await page.waitForURL(/\/admin\/orders$/);
    await page.getByTestId("order-row").first().waitFor();

    await page.getByLabel("Number or email").fill(`#${number}`);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/q=%23\d+/);
    await expect.poll(() => page.getByTestId("order-row").count()).toBe(1);
    // Filters live in the URL: back shows the whole list again, forward the search.
    await page.goBack();
    await expect.poll(() => page.getByTestId("order-row").count()).toBe(50);
    expect(await page.getByLabel("Number or email").inputValue()).toBe("");
    await page.goForward();
    await expect.poll(() => page.getByTestId("order-row").count()).toBe(1);
    expect(await page.getByLabel("Number or email").inputValue()).toBe(`#${number}`);
    const row = page.getByTestId("order-row");
    expect(await row.textContent()).toContain(email);
    expect(await row.textContent()).toContain("Paid");
    await row.getByRole("link", { name: `#${number}` }).click();

    const heading = page.getByRole("heading", { level: 1 });
    await heading.filter({ hasText: `Order #${number}` }).waitFor();
    expect(await heading.textContent()).toContain("Paid");
    expect(await heading.textContent()).toContain("Not shipped yet");

    await page.getByRole("button", { name: "Ship a parcel…" }).click();
    const ship = page.getByRole("dialog", { name: `Ship a parcel of order #${number}` });
    await ship.getByLabel("Carrier").fill("UPS");
    await ship.getByLabel("Tracking number").fill("1Z999AA10123456784");
    await ship.getByRole("button", { name: "Mark as shipped" }).click();
    await heading.filter({ hasText: "Shipped" }).waitFor();
    const timeline = page.getByTestId("timeline");
    await timeline.getByText("Shipped with UPS, tracking 1Z999AA10123456784").waitFor();
    expect(await timeline.textContent()).toMatch(/Payment: paid.*Fulfilment: shipped.*Staff/s);
    expect(await page.getByRole("button", { name: "Mark all parcels delivered" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Cancel order…" }).count()).toBe(0);

    await page.getByLabel("Chosen lines and quantities").check();
    const firstLine = page.getByRole("spinbutton").first();
    await firstLine.fill(String(await firstLine.getAttribute("max")));
    await page.getByLabel("Restock returned items").check();
    await page.getByLabel("Reason", { exact: true }).fill("Returned unopened");
    await page.getByRole("button", { name: /^Review refund of / }).click();
    const confirm = page.getByRole("dialog", { name: /^Refund / });
    await confirm.getByRole("button", { name: /^Refund / }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `on order #${number}` })
      .waitFor();
    await heading.filter({ hasText: "Partly refunded" }).waitFor();
    expect(await heading.textContent()).toContain("Shipped");
    expect(await page.getByTestId("refunded-total").textContent()).not.toBe("$0.00");
    expect(await page.getByRole("region", { name: "Refunds" }).textContent()).toContain("Returned unopened");

    // A partial refund does not stop the parcel from arriving.
    await page.getByRole("button", { name: "Mark parcel 1 delivered" }).click();
    await heading.filter({ hasText: "Delivered" }).waitFor();
    expect(await heading.textContent()).toContain("Partly refunded");
    expect(await page.getByRole("button", { name: /delivered/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("ships an order in two parcels; the shopper follows each with its carrier's tracking link", async () => {
    const { number, key } = await placePaidOrder(browser);
    const { page, errors, context } = await openPage(browser, "/admin/orders");
    await signInAsStaff(page);
    await page.waitForURL(/\/admin\/orders$/);
    await page.goto(`/admin/orders?q=%23${number}`);
    await page
      .getByTestId("order-row")
      .getByRole("link", { name: `#${number}` })
      .click();
    const heading = page.getByRole("heading", { level: 1 });
    await heading.filter({ hasText: `Order #${number}` }).waitFor();

    await page.getByRole("button", { name: "Ship a parcel…" }).click();
    let ship = page.getByRole("dialog", { name: `Ship a parcel of order #${number}` });
    await ship.getByLabel("Carrier").fill("UPS");
    await ship.getByLabel("Tracking number").fill("1ZPARCELONE");
    // Only the first line goes in the first parcel.
    await ship.getByRole("spinbutton").nth(1).fill("0");
    await ship.getByRole("button", { name: "Mark as shipped" }).click();
    await heading.filter({ hasText: "Partly shipped" }).waitFor();

    await page.getByRole("button", { name: "Ship a parcel…" }).click();
    ship = page.getByRole("dialog", { name: `Ship a parcel of order #${number}` });
    await ship.getByLabel("Carrier").fill("Corner Courier");
    await ship.getByLabel("Tracking number").fill("CC-2002");
    await ship.getByRole("button", { name: "Mark as shipped" }).click();
    await heading.filter({ hasText: /Shipped/ }).waitFor();
    await expect.poll(() => page.getByTestId("shipment").count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();

    const shopper = await openPage(browser, `/orders/${number}#key=${key}`);
    const parcels = shopper.page.getByTestId("parcel");
    await expect.poll(() => parcels.count()).toBe(2);
    const ups = shopper.page.getByRole("link", { name: "Track parcel 1ZPARCELONE with UPS" });
    expect(await ups.getAttribute("href")).toBe("https://www.ups.com/track?tracknum=1ZPARCELONE");
    // An unknown carrier shows its number, without a link.
    expect(await parcels.nth(1).textContent()).toContain("Tracking number CC-2002");
    expect(await parcels.nth(1).getByRole("link").count()).toBe(0);
    expect(await shopper.page.getByTestId("order-status").first().textContent()).toBe("Shipped");
    expect(shopper.errors).toEqual([]);
    await shopper.context.close();
  });

  it("archives a delivered order from its page and in bulk: it leaves the list, the shopper still sees it", async () => {
    const { number, key } = await placePaidOrder(browser);
    const { page, errors, context } = await openPage(browser, "/admin/orders");
    await signInAsStaff(page);
    await page.waitForURL(/\/admin\/orders$/);
    const rows = page.getByTestId("order-row");
    const search = `/admin/orders?q=%23${number}`;
    await page.goto(search);
    await rows.getByRole("link", { name: `#${number}` }).click();
    const heading = page.getByRole("heading", { level: 1 });
    await heading.filter({ hasText: `Order #${number}` }).waitFor();
    // Not finished yet: nothing to archive.
    expect(await page.getByRole("button", { name: "Archive" }).count()).toBe(0);
    await page.getByRole("button", { name: "Ship a parcel…" }).click();
    const ship = page.getByRole("dialog", { name: `Ship a parcel of order #${number}` });
    await ship.getByLabel("Carrier").fill("UPS");
    await ship.getByLabel("Tracking number").fill("1ZARCHIVE1");
    await ship.getByRole("button", { name: "Mark as shipped" }).click();
    await page.getByRole("button", { name: "Mark all parcels delivered" }).click();
    await heading.filter({ hasText: "Delivered" }).waitFor();

    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Order #${number} archived` })
      .waitFor();
    expect(await heading.textContent()).toContain("Archived");
    await page.getByTestId("timeline").getByText("Order archived").waitFor();

    // Hidden from the list unless asked for.
    await page.goto(search);
    await page.getByText("No orders match").waitFor();
    await page.getByLabel("Archived").selectOption("only");
    await page.waitForURL(/archived=only/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.textContent()).toContain("Archived");
    await rows.getByRole("link", { name: `#${number}` }).click();
    await page.getByRole("button", { name: "Unarchive" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Order #${number} unarchived` })
      .waitFor();
    expect(await heading.textContent()).not.toContain("Archived");

    // The list's bulk action.
    await page.goto(search);
    await page.getByLabel(`Select order #${number}`).check();
    await page.getByRole("button", { name: "Archive orders" }).click();
    await page.getByTestId("bulk-status").filter({ hasText: "Archived 1 order." }).waitFor();
    await page.getByText("No orders match").waitFor();
    expect(errors).toEqual([]);
    await context.close();

    const shopper = await openPage(browser, `/orders/${number}#key=${key}`);
    await shopper.page.getByTestId("parcel").waitFor();
    expect(await shopper.page.getByTestId("order-status").first().textContent()).toBe("Delivered");
    expect(await shopper.page.locator("main").textContent()).not.toMatch(/archived/i);
    expect(shopper.errors).toEqual([]);
    await shopper.context.close();
  });

  it("creates a coupon and lists it; usage limits are an admin's", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/coupons/new");
    await signInAsStaff(page);
    await page.waitForURL(/\/admin\/coupons\/new$/);
    const code = `E2E${Date.now().toString(36).toUpperCase()}`;
    await page.getByLabel("Code").fill(code);
    await page.getByLabel("Discount type").selectOption("PERCENTAGE");
    await page.getByLabel("Percent off").fill("150");
    await page.getByRole("button", { name: "Create coupon" }).click();
    await page.getByText("A percentage is between 1 and 100").waitFor();

    await page.getByLabel("Percent off").fill("15");
    await page.getByLabel("Total uses").fill("10");
    await page.getByRole("button", { name: "Create coupon" }).click();
    await page.getByText("Only an admin can set a coupon's usage limits").first().waitFor();

    await page.getByLabel("Total uses").fill("");
    await page.getByRole("button", { name: "Create coupon" }).click();
    await page.waitForURL(/\/admin\/coupons$/);
    await page.getByText(`Coupon ${code} created.`).waitFor();
    const row = page.getByTestId("coupon-row").filter({ hasText: code });
    expect(await row.textContent()).toContain("15% off");
    expect(await row.textContent()).toContain("Active");
    await row.getByRole("button", { name: `Deactivate ${code}` }).click();
    await row.getByRole("button", { name: `Activate ${code}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
