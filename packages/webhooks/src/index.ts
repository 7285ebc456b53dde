export * from "./events.ts";
export * from "./signature.ts";
