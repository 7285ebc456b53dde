export * from "./lifetimes.ts";
export * from "./token.ts";
export * from "./password.ts";
export * from "./limiter.ts";
export * from "./common-passwords.ts";
export * from "./api-key.ts";
