import type { CDPSession, Page } from "playwright-core";

/** Roughly "fast 3G" as Lighthouse and DevTools model it; CPU four times slower than this machine. */
export const throttling = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750, cpuRate: 4 };

export async function throttle(cdp: CDPSession) {
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: throttling.latencyMs,
    downloadThroughput: (throttling.downloadKbps * 1000) / 8,
    uploadThroughput: (throttling.uploadKbps * 1000) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttling.cpuRate });
}

declare global {
  var shopVitals: { lcp: number; lcpElement: string; shifts: { value: number; time: number; source: string }[] };
}

/**
 * Installed before the page's own scripts: records the largest contentful paint (and which
 * element it was) and every layout shift not caused by input.
 */
export async function observeVitals(page: Page) {
  await page.addInitScript(() => {
    window.shopVitals = { lcp: 0, lcpElement: "", shifts: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!(entry instanceof LargestContentfulPaint)) continue;
        window.shopVitals.lcp = entry.startTime;
        const el = entry.element;
        window.shopVitals.lcpElement = el
          ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}`
          : "";
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const value = Reflect.get(entry, "value");
        const sources: unknown = Reflect.get(entry, "sources");
        const first: unknown = Array.isArray(sources) ? Reflect.get(sources[0] ?? {}, "node") : null;
        const source =
          first instanceof Element
            ? `${first.tagName.toLowerCase()}.${String(first.className).split(" ").slice(0, 3).join(".")}`
            : "";
        if (!Reflect.get(entry, "hadRecentInput") && typeof value === "number")
          window.shopVitals.shifts.push({ value, time: entry.startTime, source });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** CLS as Chrome defines it: the largest session window (gaps under 1 s, at most 5 s long). */
export function cumulativeLayoutShift(shifts: { value: number; time: number }[]): number {
  let worst = 0;
  let current = 0;
  let start = 0;
  let last = -Infinity;
  for (const shift of shifts) {
    if (shift.time - last > 1000 || shift.time - start > 5000) {
      current = 0;
      start = shift.time;
    }
    current += shift.value;
    last = shift.time;
    worst = Math.max(worst, current);
  }
  return worst;
}
