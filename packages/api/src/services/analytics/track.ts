import type { PrismaClient } from "@shop/db";
import type { AnalyticsEventInput } from "@shop/validators";
import { saltOfTheDay, visitorId } from "./visitor.ts";

// Crawlers and monitors are not visitors; counting them would drown a small shop's funnel.
const BOT = /bot|crawl|spider|slurp|headless|lighthouse|monitor|curl|wget|python-requests|node-fetch/i;

/**
 * Records a batch of storefront events for one request. Nothing identifying is kept: the
 * visitor id is a hash of the day's salt, the IP and the user agent; paths carry no query.
 */
export async function trackEvents(
  db: PrismaClient,
  request: { ip: string | null; userAgent: string | null; doNotTrack: boolean },
  events: readonly AnalyticsEventInput[],
  now = new Date(),
): Promise<{ recorded: number }> {
  const userAgent = request.userAgent ?? "";
  // The storefront already sends nothing under DNT/GPC; this also covers other clients.
  if (!request.ip || request.doNotTrack || BOT.test(userAgent)) return { recorded: 0 };
  const visitor = visitorId(await saltOfTheDay(db, now), request.ip, userAgent);
  const { count } = await db.analyticsEvent.createMany({
    data: events.map((event) => ({
      type: event.type,
      visitorId: visitor,
      path: event.path,
      productId: "productId" in event ? event.productId : null,
      step: "step" in event ? event.step : null,
      createdAt: now,
    })),
  });
  return { recorded: count };
}
