export type BreakerState = "closed" | "open" | "half-open";

/**
 * A circuit breaker in front of an optional dependency (Redis): every call is bounded by a
 * timeout, and after `threshold` failures in a row the circuit opens and calls go straight to
 * the fallback for `cooldownMs`, so a hung server costs a request nothing rather than a
 * timeout each. Then one call is let through as a probe: success closes the circuit, failure
 * opens it for another cooldown.
 */
export type Breaker = {
  run<T>(call: () => Promise<T>, fallback: () => Promise<T>): Promise<T>;
  state(): BreakerState;
};

export type BreakerOptions = {
  timeoutMs: number;
  threshold?: number;
  cooldownMs?: number;
  /** Told when the circuit opens (with the error that opened it) and when it closes again. */
  onChange?: (state: "open" | "closed", error?: unknown) => void;
  now?: () => number;
};

export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** `promise`, or a TimeoutError after `ms`; a late settlement of `promise` is ignored. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = "call"): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createBreaker(options: BreakerOptions): Breaker {
  const { timeoutMs, threshold = 3, cooldownMs = 5_000, onChange = () => {}, now = Date.now } = options;
  let failures = 0;
  let openUntil = 0;
  let probing = false;
  const state = (): BreakerState => (failures < threshold ? "closed" : now() < openUntil ? "open" : "half-open");

  return {
    state,
    async run(call, fallback) {
      const before = state();
      if (before === "open" || (before === "half-open" && probing)) return fallback();
      const probe = before === "half-open";
      if (probe) probing = true;
      try {
        const result = await withTimeout(call(), timeoutMs, "dependency");
        const recovered = failures >= threshold;
        failures = 0;
        // After the reset: what onChange runs (a catalog version bump) goes to the dependency.
        if (recovered) onChange("closed");
        return result;
      } catch (error) {
        failures++;
        if (failures >= threshold) openUntil = now() + cooldownMs;
        // Once per outage: a failed probe keeps the circuit open without a new notice.
        if (failures === threshold) onChange("open", error);
        return fallback();
      } finally {
        if (probe) probing = false;
      }
    },
  };
}
