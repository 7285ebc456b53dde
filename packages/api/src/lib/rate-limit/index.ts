export * from "./auth-limits.ts";
export { createMemoryStore } from "./memory-store.ts";
export { createRedisStore, withFallback } from "./redis-store.ts";
export type { Counter, RateLimitStore } from "./store.ts";
