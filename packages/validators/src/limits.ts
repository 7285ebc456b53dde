// Limits the apps share with the server, in a module without zod: the apps' first bundle
// imports it (packages/client), and the schemas load with the forms that use them.

/**
 * The most calls one tRPC batch may carry: the server refuses more with 400, and the apps'
 * client never batches more.
 */
export const MAX_BATCH_SIZE = 20;

/** The most units of one variant a cart line (and so an order line) holds. */
export const MAX_LINE_QUANTITY = 10;

/** The most different items one cart holds. */
export const MAX_CART_LINES = 50;

/** The most options (axes such as size and colour) a product has. */
export const MAX_PRODUCT_OPTIONS = 3;
