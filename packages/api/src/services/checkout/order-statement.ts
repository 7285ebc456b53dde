import { qb, type DB } from "@shop/db";
import { InventoryReason, type ActorType } from "@shop/db/enums";
import { sql, type Insertable, type Selectable } from "kysely";
import { prepared, utcNow } from "../../lib/sql.ts";
import { lowStockAlert, lowStockOutboxColumns, lowStockOutboxRows, threshold } from "../inventory/low-stock.ts";

// The order statement of insert-order.ts, compiled once (see `prepared`): building it costs more
// CPU than the rest of a checkout's Node work.

export const itemColumns = [
  "productId",
  "variantId",
  "productName",
  "variantTitle",
  "sku",
  "imagePath",
  "unitPrice",
  "quantity",
  "discountAmount",
  "taxAmount",
  "total",
] as const;
export type ItemRow = Pick<Insertable<DB["OrderItem"]>, (typeof itemColumns)[number]>;

const addressColumns = [
  "kind",
  "fullName",
  "company",
  "line1",
  "line2",
  "city",
  "region",
  "postalCode",
  "country",
  "phone",
] as const;
export type AddressRow = Pick<Insertable<DB["OrderAddress"]>, (typeof addressColumns)[number]>;

/**
 * Rows sent as one JSON parameter and read with the table's own row type (`json_populate_recordset`
 * over its composite type), so their column types come from the table, not from a list in the text.
 */
const recordset = <T extends keyof DB & string>(table: T, json: string) =>
  sql<Selectable<DB[T]>>`json_populate_recordset(NULL::${sql.table(table)}, ${json}::json)`;

/** `shop_refuse` (migration `statement_refusals`) raises SQLSTATE SR001 with the reason, undoing the statement. */
const refuse = (reason: unknown) => sql<boolean>`shop_refuse(${reason})`;

// Nullable values need a type where nothing around them gives one.
const int = (value: number | null) => sql<number | null>`${value}::int`;

/** The statement's values; each reaches it as a bound parameter. */
export type OrderValues = {
  /** JSON of `ItemRow[]`. */
  items: string;
  /** JSON of `AddressRow[]`. */
  addresses: string;
  lineCount: number;
  couponId: number | null;
  couponCode: string | null;
  userId: number | null;
  actorType: ActorType;
  email: string;
  currency: string;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  methodId: number;
  methodName: string;
  idempotencyKey: string;
  expires: string;
  provider: string;
  cartId: number;
  cartItemIds: number[];
};

/** Stand-ins (see `prepared`): each distinct from the others and from the statement's constants. */
const standIns: OrderValues = {
  items: "\0items",
  addresses: "\0addresses",
  lineCount: -1001,
  couponId: -1002,
  couponCode: "\0couponCode",
  userId: -1003,
  actorType: "CUSTOMER",
  email: "\0email",
  currency: "\0currency",
  subtotal: -1004,
  discount: -1005,
  shipping: -1006,
  tax: -1007,
  total: -1008,
  methodId: -1009,
  methodName: "\0methodName",
  idempotencyKey: "\0idempotencyKey",
  expires: "\0expires",
  provider: "\0provider",
  cartId: -1010,
  cartItemIds: [-1011],
};

const statement = (v: OrderValues) =>
  qb
    .with("lines", (db) => db.selectFrom(recordset("OrderItem", v.items).as("l")).select(itemColumns))
    .with("locked", (db) =>
      db
        .selectFrom("Variant as v")
        .select(["v.id", "v.lowStockAlertedAt as alerted"])
        .where("v.id", "in", db.selectFrom("lines").select("lines.variantId"))
        .orderBy("v.id")
        .forUpdate("v"),
    )
    .with("reserved", (db) =>
      db
        .updateTable("Variant as v")
        .from(["lines as l", "locked"])
        .set((eb) => ({
          reserved: eb("v.reserved", "+", eb.ref("l.quantity")),
          updatedAt: utcNow,
          lowStockAlertedAt: lowStockAlert(
            eb(eb("v.stockOnHand", "-", eb.ref("v.reserved")), "-", eb.ref("l.quantity")),
          ),
        }))
        .whereRef("v.id", "=", "l.variantId")
        .whereRef("locked.id", "=", "v.id")
        .where((eb) => eb(eb("v.stockOnHand", "-", eb.ref("v.reserved")), ">=", eb.ref("l.quantity")))
        .returning((eb) => [
          "v.id",
          "v.stockOnHand",
          "v.reserved",
          "l.quantity",
          "v.sku",
          "v.title",
          "v.productId",
          eb.and([eb("locked.alerted", "is", null), eb("v.lowStockAlertedAt", "is not", null)]).as("crossed"),
          threshold.as("threshold"),
        ]),
    )
    .with("alerts", (db) =>
      db
        .insertInto("EmailOutbox")
        .columns(lowStockOutboxColumns)
        .expression(
          lowStockOutboxRows(
            db
              .selectFrom("reserved")
              .select(["sku", "title", "productId", "stockOnHand", "reserved", "threshold"])
              .where((eb) => eb.ref("crossed"))
              .as("c"),
          ),
        ),
    )
    .with("taken", (db) =>
      db
        .updateTable("Coupon")
        .set((eb) => ({ usageCount: eb("usageCount", "+", sql.lit(1)), updatedAt: utcNow }))
        .where("id", "=", int(v.couponId))
        .where("active", "=", sql.lit(true))
        .where((eb) => eb.or([eb("usageLimit", "is", null), eb("usageCount", "<", eb.ref("usageLimit"))]))
        .returning("id"),
    )
    .with("o", (db) =>
      db
        .insertInto("Order")
        .columns([
          "userId",
          "email",
          "currency",
          "subtotal",
          "discountTotal",
          "shippingTotal",
          "taxTotal",
          "total",
          "couponId",
          "couponCode",
          "shippingMethodId",
          "shippingMethodName",
          "idempotencyKey",
          "reservationExpiresAt",
          "updatedAt",
        ])
        .expression(
          db
            .selectNoFrom((eb) => [
              int(v.userId).as("userId"),
              eb.val(v.email).as("email"),
              eb.val(v.currency).as("currency"),
              eb.val(v.subtotal).as("subtotal"),
              eb.val(v.discount).as("discountTotal"),
              eb.val(v.shipping).as("shippingTotal"),
              eb.val(v.tax).as("taxTotal"),
              eb.val(v.total).as("total"),
              int(v.couponId).as("couponId"),
              sql<string | null>`${v.couponCode}::text`.as("couponCode"),
              eb.val(v.methodId).as("shippingMethodId"),
              eb.val(v.methodName).as("shippingMethodName"),
              eb.val(v.idempotencyKey).as("idempotencyKey"),
              sql<Date>`(${v.expires}::timestamptz AT TIME ZONE 'UTC')`.as("reservationExpiresAt"),
              utcNow.as("updatedAt"),
            ])
            // A short line or a coupon out of uses refuses the whole statement.
            .where((eb) =>
              eb
                .case()
                .when(eb(eb.selectFrom("reserved").select(eb.fn.countAll().as("n")).$asScalar(), "<", v.lineCount))
                .then(
                  refuse(
                    sql`'OUT_OF_STOCK:' || ${eb
                      .selectFrom("lines as l")
                      .select((eb) => eb.fn.min("l.variantId").as("variantId"))
                      .where("l.variantId", "not in", eb.selectFrom("reserved").select("reserved.id"))}`,
                  ),
                )
                .when(
                  eb.and([
                    eb(int(v.couponId), "is not", null),
                    eb.not(eb.exists(eb.selectFrom("taken").select(sql.lit(1).as("one")))),
                  ]),
                )
                .then(refuse(sql.lit("COUPON")))
                .else(sql.lit(true))
                .end(),
            ),
        )
        .returning(["id", "number", "email", "total", "currency", "paymentStatus"]),
    )
    .with("items", (db) =>
      db
        .insertInto("OrderItem")
        .columns(["orderId", ...itemColumns])
        .expression(
          db
            .selectFrom(["o", "lines as l"])
            .select(["o.id as orderId", ...itemColumns.map((column) => `l.${column}` as const)]),
        ),
    )
    .with("addresses", (db) =>
      db
        .insertInto("OrderAddress")
        .columns(["orderId", ...addressColumns])
        .expression(
          db
            .selectFrom(["o", recordset("OrderAddress", v.addresses).as("a")])
            .select(["o.id as orderId", ...addressColumns.map((column) => `a.${column}` as const)]),
        ),
    )
    .with("event", (db) =>
      db
        .insertInto("OrderEvent")
        .columns(["orderId", "kind", "toStatus", "actorType", "actorId", "message"])
        .expression(
          db
            .selectFrom("o")
            .select([
              "o.id",
              sql.lit("payment").as("kind"),
              sql.lit("PENDING").as("toStatus"),
              sql<ActorType>`${v.actorType}::"ActorType"`.as("actorType"),
              int(v.userId).as("actorId"),
              sql.lit("Order placed").as("message"),
            ]),
        ),
    )
    .with("payment", (db) =>
      db
        .insertInto("Payment")
        .columns(["orderId", "provider", "amount", "currency", "updatedAt"])
        .expression(
          db
            .selectFrom("o")
            .select((eb) => [
              "o.id",
              eb.val(v.provider).as("provider"),
              "o.total",
              "o.currency",
              utcNow.as("updatedAt"),
            ]),
        )
        .returning("id"),
    )
    .with("movements", (db) =>
      db
        .insertInto("InventoryMovement")
        .columns(["variantId", "reason", "delta", "reservedDelta", "stockAfter", "reservedAfter", "orderId"])
        .expression(
          db
            .selectFrom(["o", "reserved as r"])
            .select([
              "r.id",
              sql.lit(InventoryReason.RESERVATION).as("reason"),
              sql.lit(0).as("delta"),
              "r.quantity",
              "r.stockOnHand",
              "r.reserved",
              "o.id as orderId",
            ]),
        ),
    )
    .with("redemption", (db) =>
      db
        .insertInto("CouponRedemption")
        .columns(["couponId", "orderId", "userId", "email", "discountAmount"])
        .expression(
          db
            .selectFrom(["o", "taken"])
            .select((eb) => [
              "taken.id",
              "o.id as orderId",
              int(v.userId).as("userId"),
              eb.val(v.email).as("email"),
              eb.val(v.discount).as("discountAmount"),
            ]),
        ),
    )
    .with("emptied", (db) =>
      db
        .deleteFrom("CartItem")
        .where("cartId", "=", v.cartId)
        .where((eb) => eb("id", "=", eb.fn.any(sql<number[]>`${v.cartItemIds}::int[]`))),
    )
    .with("cart", (db) =>
      db
        .updateTable("Cart")
        .set({ couponId: sql.lit(null), updatedAt: utcNow })
        .where("id", "=", v.cartId),
    )
    .selectFrom("o")
    .select((eb) => [
      "o.id",
      "o.number",
      "o.email",
      "o.total",
      "o.currency",
      "o.paymentStatus",
      eb.selectFrom("payment").select("payment.id").$asScalar().$notNull().as("paymentId"),
    ]);

export const orderStatement = prepared(standIns, statement);
