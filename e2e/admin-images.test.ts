import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";
import { noisyPng, solidPng } from "./support/png.ts";

describe("admin: product image uploads", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("shows why a file is refused, then takes a real photo and stores it in several widths", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/products?status=ACTIVE");
    await page.getByLabel("Email").fill("staff@example.com");
    await page.getByLabel("Password").fill("staff-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("product-row").first().getByRole("link").first().click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    const rows = page.getByTestId("image-row");
    await rows.first().waitFor();
    const before = await rows.count();
    const upload = page.getByLabel(/Upload image/);
    const alert = page.locator("#images-title ~ [role=alert]");

    // Named like a photo, but an SVG inside: the server reads the content.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    await upload.setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from(svg) });
    await expect.poll(() => alert.textContent()).toMatch(/SVG images are not accepted \(they can contain scripts\)/);
    await upload.setInputFiles({
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("not really a photo"),
    });
    await expect
      .poll(() => alert.textContent())
      .toMatch(/not a PNG, JPEG, GIF or WebP image \(checked from its content/);
    expect(await rows.count()).toBe(before);

    await upload.setInputFiles({ name: "lamp.png", mimeType: "image/png", buffer: solidPng(700, 500, [30, 90, 160]) });
    await expect.poll(() => rows.count()).toBe(before + 1);
    expect(await alert.count()).toBe(0);
    expect(await rows.last().textContent()).toContain("700×500");
    expect(await rows.last().locator("source[type='image/webp']").getAttribute("srcset")).toMatch(
      /\.w320\.webp 320w, .*\.w640\.webp 640w, .*\.png\.webp 700w$/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sends the file itself and shows its real upload progress, up to 100%", async () => {
    const { page, errors, context } = await openPage(browser, "/admin/products?status=ACTIVE");
    await page.getByLabel("Email").fill("staff@example.com");
    await page.getByLabel("Password").fill("staff-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("product-row").nth(1).getByRole("link").first().click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    const rows = page.getByTestId("image-row");
    await rows.first().waitFor();
    const before = await rows.count();
    // About 3 MB that does not compress, sent at 1 MB/s: several progress events on the way.
    const photo = noisyPng(1000, 1000);
    expect(photo.byteLength).toBeGreaterThan(2_900_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    // Every value the progress bar shows, in order.
    await page.evaluate(() => {
      document.body.dataset.progress = "";
      new MutationObserver(() => {
        const bar = document.querySelector("progress[aria-label='Image upload progress']");
        if (bar instanceof HTMLProgressElement && !document.body.dataset.progress?.endsWith(` ${bar.value}`))
          document.body.dataset.progress += ` ${bar.value}`;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const sent = page.waitForRequest(/\/trpc\/admin\.products\.uploadImage/);
    await page.getByLabel(/Upload image/).setInputFiles({ name: "noise.png", mimeType: "image/png", buffer: photo });
    const request = await sent;
    const headers = await request.allHeaders();
    expect(headers["content-type"]).toBe("application/octet-stream");
    // The file's own bytes and the metadata line: base64 would be a third more.
    expect(Number(headers["content-length"]) - photo.byteLength).toBeGreaterThan(0);
    expect(Number(headers["content-length"]) - photo.byteLength).toBeLessThan(100);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(before + 1);
    const shown = (await page.evaluate(() => document.body.dataset.progress ?? "")).trim().split(" ").map(Number);
    expect(shown.at(-1)).toBe(100);
    expect(shown.some((value) => value > 0 && value < 100)).toBe(true);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(await rows.last().textContent()).toContain("1000×1000");
    expect(errors).toEqual([]);
    await context.close();
  });
});
