// npm run bench:web, part 2 (part 1 is scripts/check-budgets.ts): Largest Contentful Paint and
// Cumulative Layout Shift of the storefront's home, a category listing and a product page, cold (empty cache), in
// headless Chromium with a phone-sized viewport, the CPU slowed 4× and a fast-3G-like network,
// against the production server on a scratch embedded database (as the browser tests start it).
// Then the bytes of the pictures a phone downloads per page, before and after responsive widths
// (scripts/bench/image-bytes.ts). Prints tables and writes bench-results/web.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromiumPath } from "../e2e/support/chromium.ts";
import { loadAverage, root, run } from "./bench/harness.ts";
import { imageBytes, legacyPhotos, phone } from "./bench/image-bytes.ts";
import { cumulativeLayoutShift, observeVitals, throttle, throttling } from "./bench/vitals.ts";
import { freePort, startShopServer } from "./bench/web-server.ts";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const targets = { lcpMs: 2500, cls: 0.1 };

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), "shop-bench-web-"));
let server = await startShopServer(dataDir, port);
const base = server.base;

const profile = mkdtempSync(join(tmpdir(), "shop-bench-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: true,
  viewport: { width: 412, height: 823 },
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

try {
  const setup = await browser.newPage();
  await setup.goto(`${base}/search?q=earbuds&sort=best_selling`);
  const productPath = await setup.locator("[data-testid=product-card] a[href^='/p/']").first().getAttribute("href");
  await setup.goto(`${base}/`);
  const listingPath = await setup.locator("a[href^='/c/']").first().getAttribute("href");
  await setup.close();
  if (!productPath || !listingPath) throw new Error("no product or category found to measure");

  const pages = { home: "/", listing: listingPath, product: productPath };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const results = [];
  for (const [name, path] of Object.entries(pages)) {
    const samples: { lcpMs: number; cls: number; lcpElement: string; largestShift: string }[] = [];
    for (let run = 0; run < runs; run++) {
      await browser.clearCookies();
      const page = await browser.newPage();
      const cdp = await browser.newCDPSession(page);
      await throttle(cdp);
      await observeVitals(page);
      await page.goto(`${base}${path}`, { waitUntil: "load" });
      // Let late data, images and fonts land: shifts and bigger paints after load still count.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1500);
      const vitals = await page.evaluate(() => window.shopVitals);
      const worst = [...vitals.shifts].sort((a, b) => b.value - a.value)[0];
      samples.push({
        lcpMs: Math.round(vitals.lcp),
        cls: Number(cumulativeLayoutShift(vitals.shifts).toFixed(4)),
        lcpElement: vitals.lcpElement,
        largestShift: worst ? `${worst.value.toFixed(3)} ${worst.source}` : "",
      });
      await page.close();
    }
    // A load where Chromium reported no LCP entry at all (it happens under heavy machine load)
    // is left out of the median rather than counted as 0 ms; the count is reported.
    const measured = samples.filter((s) => s.lcpMs > 0);
    const lcpMs = median(measured.map((s) => s.lcpMs));
    const cls = median(measured.map((s) => s.cls));
    const missing = samples.length - measured.length;
    results.push({
      page: name,
      path,
      lcpMs,
      cls,
      loadsWithoutLcp: missing,
      lcpElement: samples.at(-1)?.lcpElement ?? "",
      largestShift: samples.at(-1)?.largestShift ?? "",
      samples,
      ok: measured.length > 0 && lcpMs < targets.lcpMs && cls < targets.cls,
    });
  }

  console.log(
    `\nCold loads, median of ${runs}; 412×823 viewport, CPU ${throttling.cpuRate}× slower, ${throttling.latencyMs} ms latency, ${throttling.downloadKbps} kbps down, ${throttling.uploadKbps} kbps up. Load average: ${loadAverage()}`,
  );
  console.table(
    results.map((r) => ({
      page: r.page,
      "LCP (ms)": r.lcpMs,
      CLS: r.cls,
      "loads without LCP": r.loadsWithoutLcp,
      "LCP element": r.lcpElement,
      "largest shift": r.largestShift,
      target: `LCP < ${targets.lcpMs} ms, CLS < ${targets.cls}`,
      result: r.ok ? "ok" : "MISSED",
    })),
  );

  // Image bytes: the pictures of both pages become photos uploaded the old way, then backfilled.
  const shown = new Set<string>();
  const phoneBrowser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const phoneContext = await phoneBrowser.newContext(phone);
  for (const path of Object.values(pages)) {
    for (const url of (await imageBytes(phoneContext, `${base}${path}`)).urls) {
      const key = new URL(url).pathname.match(/^\/media\/(products\/.+\.svg)$/)?.[1];
      if (key) shown.add(key);
    }
  }
  await server.stop();
  await legacyPhotos(dataDir, [...shown]);
  const measure = async () => {
    server = await startShopServer(dataDir, port);
    const figures = [];
    for (const [name, path] of Object.entries(pages))
      figures.push({ page: name, ...(await imageBytes(phoneContext, `${base}${path}`)) });
    await server.stop();
    return figures;
  };
  const before = await measure();
  await run("npx", ["tsx", "packages/db/scripts/media-backfill.ts"], {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    MEDIA_STORAGE: "local",
  });
  const after = await measure();
  await phoneBrowser.close();
  server = await startShopServer(dataDir, port);
  const images = before.map((b, i) => ({
    page: b.page,
    photos: shown.size,
    beforeKb: Math.round(b.bytes / 1024),
    afterKb: Math.round((after[i]?.bytes ?? 0) / 1024),
    imagesBefore: b.count,
    imagesAfter: after[i]?.count ?? 0,
  }));
  console.log(
    `\nImage bytes per page on a phone (412×823, ${phone.deviceScaleFactor}× pixels, scrolled to the end, no cache): ${shown.size} catalog pictures as 1600 px JPEG photos uploaded before responsive widths (original + full-size WebP), then after npm run media:backfill. Load average: ${loadAverage()}`,
  );
  console.table(
    images.map((r) => ({
      page: r.page,
      "before (kB)": r.beforeKb,
      "after (kB)": r.afterKb,
      saved: `${Math.round((1 - r.afterKb / Math.max(1, r.beforeKb)) * 100)}%`,
      "images (before/after)": `${r.imagesBefore}/${r.imagesAfter}`,
    })),
  );
  mkdirSync(join(root, "bench-results"), { recursive: true });
  writeFileSync(
    join(root, "bench-results", "web.json"),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), loadAverage: loadAverage(), runs, viewport: "412x823", throttling, targets, results, images }, null, 2)}\n`,
  );
  if (results.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
