import { TRPCError } from "@trpc/server";

/**
 * How many requests each client (by IP) has running in this process, refused past a ceiling. A
 * rate limit counts requests per minute; this counts requests at once, which is what decides how
 * much of the database pool one client holds: a crawler walking filter combinations nobody asked
 * for before (every one a cache miss) holds at most `max` connections, whatever its request rate,
 * and every other shopper keeps the rest. In process memory on purpose: what runs in this process
 * is this process's own business (each instance bounds its own pool).
 */
export function inFlightLimit() {
  const running = new Map<string, number>();
  // The calls of one request (a tRPC batch shares its request) hold one place between them.
  const holding = new WeakMap<object, number>();
  const release = (key: string) => {
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
  };
  return {
    /**
     * Runs `work` unless `key` already has `max` running here; then `refuse()` is thrown. Calls
     * made for the same `request` object share one place: a page's batched reads count once.
     */
    async run<T>(
      key: string,
      max: number,
      work: () => Promise<T>,
      refuse: () => Error,
      request: object = {},
    ): Promise<T> {
      const held = holding.get(request) ?? 0;
      if (held === 0) {
        const now = running.get(key) ?? 0;
        if (now >= max) throw refuse();
        running.set(key, now + 1);
      }
      holding.set(request, held + 1);
      try {
        return await work();
      } finally {
        const left = (holding.get(request) ?? 1) - 1;
        holding.set(request, left);
        if (left === 0) release(key);
      }
    },
    running: (key: string) => running.get(key) ?? 0,
  };
}

/** The catalog reads' limit (meta.inFlight), shared by every procedure that declares it. */
export const catalogInFlight = inFlightLimit();

export const tooManyAtOnce = () =>
  new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many requests at once; please retry in a moment" });
