// Limits the apps share with the server, in a module without zod: the apps' first bundle
// imports it (packages/client), and the schemas load with the forms that use them.

/**
 * The most calls one tRPC batch may carry: the server refuses more with 400, and the apps'
 * client never batches more.
 */
export const MAX_BATCH_SIZE = 20;
