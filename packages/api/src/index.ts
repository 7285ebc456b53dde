import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContextInner, type ApiConfig, type Context, type RequestInfo } from "./context.ts";
export { SESSION_COOKIE, validateSessionToken, type AuthState } from "./services/auth/sessions.ts";
export type { Access, Meta } from "./trpc.ts";
export { localDiskStorage, type MediaStorage } from "./lib/storage.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
