import type { RouterInputs } from "@shop/api";
import { useEffect } from "react";
import { useLocation } from "react-router";

type AnalyticsEvent = RouterInputs["analytics"]["track"]["events"][number];

const MAX_BATCH = 20;
const FLUSH_AFTER_MS = 3_000;
const queue: AnalyticsEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Do-Not-Track and Global Privacy Control are honoured by not collecting at all. The server
 * keeps no cookie, IP or user id either, but a browser that says "don't" is not even asked.
 */
function optedOut(): boolean {
  if (typeof navigator === "undefined") return true;
  const gpc = "globalPrivacyControl" in navigator && navigator.globalPrivacyControl === true;
  return gpc || navigator.doNotTrack === "1";
}

/**
 * Only the path: query strings hold search terms, emails and reset tokens, and order numbers
 * in paths would tie events to orders.
 */
export function publicPath(pathname: string): string {
  return pathname.replace(/^\/(orders|order-confirmation)\/\d+/, "/$1/-").slice(0, 200) || "/";
}

/** Queues one event; batches go out every few seconds, when full, and when the page is hidden. */
export function track(event: AnalyticsEvent): void {
  if (optedOut()) return;
  queue.push(event);
  if (queue.length >= MAX_BATCH) flush();
  else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
}

export function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  const events = queue.splice(0, MAX_BATCH);
  if (events.length === 0) return;
  // keepalive lets the request outlive the page (what sendBeacon does), with a JSON body tRPC reads.
  void fetch(`${import.meta.env.VITE_API_URL ?? ""}/trpc/analytics.track`, {
    method: "POST",
    keepalive: true,
    credentials: import.meta.env.VITE_API_URL ? "include" : "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { events } }),
  }).catch(() => {});
  if (queue.length > 0) flush();
}

if (typeof document !== "undefined") {
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  window.addEventListener("pagehide", flush);
}

/** A page view on every navigation (client-side routing included). */
export function usePageViews(): void {
  const { pathname } = useLocation();
  useEffect(() => track({ type: "PAGE_VIEW", path: publicPath(pathname) }), [pathname]);
}

export function currentPath(): string {
  return publicPath(window.location.pathname);
}
