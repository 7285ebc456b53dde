export * from "./account.ts";
export * from "./catalog.ts";
export * from "./common.ts";
