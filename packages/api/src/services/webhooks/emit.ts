import { qb, type Prisma } from "@shop/db";
import type { WebhookData, WebhookEventType } from "@shop/webhooks";
import { sql } from "kysely";
import { prismaQuery } from "../../lib/sql.ts";

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
  // shop_webhook_emit (a function of the migrations, shared with the triggers) writes the event
  // and its deliveries; it returns the event's id, or null when no endpoint takes the type.
  await prismaQuery(
    tx,
    qb.selectNoFrom(
      sql<string | null>`shop_webhook_emit(${type}, ${resource}, ${JSON.stringify(data)}::jsonb)::text`.as("id"),
    ),
  );
}
