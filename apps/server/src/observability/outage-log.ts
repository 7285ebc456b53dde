import type { FastifyBaseLogger } from "fastify";

/**
 * Logs a burst of the same failure once, not once per request: the first occurrence in full,
 * then one line per window with the number of occurrences it held back, until a window passes
 * without any (the burst is over; the next occurrence is logged in full again). During a
 * database outage that is one error line and a count every ten seconds per instance, instead of
 * hundreds of identical lines.
 */
export type OutageLog = (error: unknown, context?: Record<string, unknown>) => void;

export function createOutageLog(log: FastifyBaseLogger, message: string, windowMs = 10_000): OutageLog {
  let suppressed = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const close = () => {
    if (suppressed === 0) {
      timer = null;
      return;
    }
    log.warn({ suppressed, windowSeconds: windowMs / 1000 }, `${message} (continued: ${suppressed} more)`);
    suppressed = 0;
    timer = setTimeout(close, windowMs);
    timer.unref();
  };
  return (error, context = {}) => {
    if (timer) {
      suppressed++;
      return;
    }
    log.error({ err: error, ...context }, message);
    timer = setTimeout(close, windowMs);
    timer.unref();
  };
}
