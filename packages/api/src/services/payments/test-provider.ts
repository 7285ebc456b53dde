import { randomBytes } from "node:crypto";
import { qb, type DB, type PrismaClient } from "@shop/db";
import { sql, type Selectable } from "kysely";
import { AppError } from "../../errors.ts";
import { prismaQuery, rows, sqlOf, utcNow } from "../../lib/sql.ts";
import type { IntentStatus, PaymentEvent, PaymentProvider, ProviderIntent } from "./provider.ts";

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

const intentColumns = [
  "id",
  "status",
  "amount",
  "amountRefunded",
  "currency",
  "paymentId",
  "clientSecret",
  "lastError",
] as const;
type Row = Pick<Selectable<DB["TestPaymentIntent"]>, (typeof intentColumns)[number]>;

const statusOf = (value: string): IntentStatus =>
  value === "succeeded" || value === "canceled" ? value : "requires_payment_method";

const toIntent = (row: Row): ProviderIntent => ({
  id: row.id,
  status: statusOf(row.status),
  amount: row.amount,
  amountReceived: row.status === "succeeded" ? row.amount : 0,
  currency: row.currency.toLowerCase(),
  paymentId: row.paymentId,
  clientSecret: row.clientSecret,
  approvalUrl: null,
  lastError: row.lastError,
});

/**
 * An offline stand-in for Stripe in test mode, for the embedded default: intents, confirmation
 * with Stripe's test card numbers, cancellation and refunds, all with Stripe's idempotency.
 * Its state is "the provider's side" and lives in TestPaymentIntent.
 */
export function createTestProvider(db: PrismaClient): PaymentProvider {
  const find = async (intentId: string) => {
    const row = await db.testPaymentIntent.findUnique({ where: { id: intentId } });
    if (!row) throw new AppError("NOT_FOUND", `No such payment intent: ${intentId}`);
    return row;
  };
  return {
    name: "test",
    async createIntent(input) {
      // One statement, like Stripe's idempotent create: a replayed key returns the first intent.
      const [row] = await rows(
        sqlOf(db),
        qb
          .insertInto("TestPaymentIntent")
          .values({
            id: id("test_pi"),
            clientSecret: `${id("test_pi")}_secret_${randomBytes(12).toString("hex")}`,
            amount: input.amount,
            currency: input.currency,
            status: "requires_payment_method",
            idempotencyKey: input.idempotencyKey,
            paymentId: input.paymentId,
            orderId: input.orderId,
            updatedAt: utcNow,
          })
          .onConflict((oc) =>
            oc.column("idempotencyKey").doUpdateSet((eb) => ({ idempotencyKey: eb.ref("excluded.idempotencyKey") })),
          )
          .returning(intentColumns),
      );
      if (!row) throw new Error("the intent insert returned no row");
      return toIntent(row);
    },
    retrieveIntent: async (intentId) => toIntent(await find(intentId)),
    async cancelIntent(intentId) {
      await db.testPaymentIntent.updateMany({
        where: { id: intentId, status: { not: "succeeded" } },
        data: { status: "canceled" },
      });
      return toIntent(await find(intentId));
    },
    async refund(input) {
      const [updated] = await prismaQuery(
        db,
        qb
          .updateTable("TestPaymentIntent")
          .set((eb) => ({
            amountRefunded: eb("amountRefunded", "+", input.amount),
            refundKeys: sql<string[]>`array_append(${eb.ref("refundKeys")}, ${input.idempotencyKey})`,
            updatedAt: sql<Date>`now()`,
          }))
          .where("id", "=", input.intentId)
          .where("status", "=", "succeeded")
          .where((eb) => eb.not(eb(eb.val(input.idempotencyKey), "=", eb.fn.any("refundKeys"))))
          .where((eb) => eb(eb("amountRefunded", "+", input.amount), "<=", eb.ref("amount")))
          .returning("id"),
      );
      if (!updated) {
        const row = await find(input.intentId);
        // Already taken with this key: the same refund, reported again (idempotent).
        if (!row.refundKeys.includes(input.idempotencyKey)) {
          throw new AppError("PRECONDITION_FAILED", "Refund exceeds what was captured");
        }
      }
      return { id: `test_re_${input.idempotencyKey}`, status: "succeeded" };
    },
    clientConfig: () => ({ provider: "test" }),
  };
}

/** Stripe's test cards: these succeed; 4000 0000 0000 0002 and …9995 are declined. */
const SUCCEEDS = new Set(["4242424242424242", "5555555555554444", "4000056655665556"]);
const DECLINES: Record<string, string> = {
  "4000000000000002": "Your card was declined.",
  "4000000000009995": "Your card has insufficient funds.",
};

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return number.length >= 12 && sum % 10 === 0;
}

export type TestCard = { number: string; expMonth: number; expYear: number; cvc: string };

/**
 * The test provider's "confirm payment" (what Stripe.js does in the browser with Stripe).
 * The card number is checked and forgotten: it is never stored or logged. Returns the event
 * Stripe would send by webhook.
 */
export async function confirmTestIntent(
  db: PrismaClient,
  input: { clientSecret: string; card: TestCard; now?: Date },
): Promise<PaymentEvent> {
  const row = await db.testPaymentIntent.findUnique({ where: { clientSecret: input.clientSecret } });
  if (!row) throw new AppError("NOT_FOUND", "No such payment");
  if (row.status === "succeeded") throw new AppError("CONFLICT", "This payment has already succeeded");
  if (row.status === "canceled") throw new AppError("PRECONDITION_FAILED", "This payment was cancelled");
  const number = input.card.number.replace(/[\s-]/g, "");
  const now = input.now ?? new Date();
  const expired =
    input.card.expYear < now.getFullYear() ||
    (input.card.expYear === now.getFullYear() && input.card.expMonth < now.getMonth() + 1);
  const problem =
    !/^\d{12,19}$/.test(number) || !luhnValid(number)
      ? "Your card number is invalid."
      : expired
        ? "Your card has expired."
        : !/^\d{3,4}$/.test(input.card.cvc)
          ? "Your card's security code is invalid."
          : SUCCEEDS.has(number)
            ? null
            : (DECLINES[number] ??
              "Your card was declined. In test mode, use a test card such as 4242 4242 4242 4242.");
  await db.testPaymentIntent.update({
    where: { id: row.id },
    data: problem
      ? { status: "requires_payment_method", lastError: problem }
      : { status: "succeeded", lastError: null },
  });
  return {
    id: id("evt_test"),
    type: problem ? "payment_intent.payment_failed" : "payment_intent.succeeded",
    intentId: row.id,
  };
}
