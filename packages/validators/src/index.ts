export * from "./account.ts";
export * from "./catalog.ts";
export * from "./common.ts";
export * from "./checkout.ts";
export * from "./coupons.ts";
export * from "./admin-catalog.ts";
export * from "./csv.ts";
export * from "./reviews.ts";
