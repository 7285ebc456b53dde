import type { Prisma } from "@shop/db";
import type { WebhookData, WebhookEventType } from "@shop/webhooks";

/**
 * Records a webhook event inside the transaction of the change it reports, so it is sent exactly
 * when the change commits (the worker delivers it afterwards). Orders, refunds, products, low
 * stock and new customers are emitted by database triggers; this is for changes that have no
 * trigger, such as returns: `await emitWebhook(tx, "return.approved", `return:${id}`, { return: … })`.
 * `resource` orders delivery: events of one resource reach each endpoint in the order emitted.
 * Nothing is written when no enabled endpoint takes the event type.
 */
export async function emitWebhook<T extends WebhookEventType>(
  tx: Prisma.TransactionClient,
  type: T,
  resource: string,
  data: WebhookData<T>,
): Promise<void> {
  await tx.$queryRaw`SELECT shop_webhook_emit(${type}, ${resource}, ${JSON.stringify(data)}::jsonb)::text AS "id"`;
}
