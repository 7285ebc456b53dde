-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "failingSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutgoingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" SERIAL NOT NULL,
    "endpointId" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "giveUpAt" TIMESTAMP(3) NOT NULL,
    "lastAttemptAt" TIMESTAMP(3),
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "lastError" TEXT,
    "durationMs" INTEGER,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingEvent_dedupeKey_key" ON "OutgoingEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutgoingEvent_createdAt_idx" ON "OutgoingEvent"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_resource_status_id_idx" ON "WebhookDelivery"("endpointId", "resource", "status", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_eventId_idx" ON "WebhookDelivery"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_eventId_key" ON "WebhookDelivery"("endpointId", "eventId");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutgoingEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────────────────────────────────────────────────────────
-- Hand-written: outgoing webhook events are written by triggers, in the transaction of the change
-- that causes them, so no code path can forget one, a rolled-back change sends nothing and a
-- committed one is in the outbox before anyone is told of it (docs/integrations.md). The triggers
-- are deferred: they run at commit, so a payload is the state the transaction leaves (an order
-- with its lines, a product with its variants), and events of one transaction are queued in the
-- order their changes happened. With no endpoint taking an event type, a trigger costs one
-- indexed lookup and writes nothing.

CREATE FUNCTION shop_iso(ts TIMESTAMP) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
  SELECT to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION shop_webhook_wanted(event_type TEXT) RETURNS BOOLEAN STABLE LANGUAGE sql AS $$
  SELECT EXISTS (SELECT 1 FROM "WebhookEndpoint" WHERE "enabled" AND event_type = ANY("events"))
$$;

-- Writes the event and one delivery per enabled endpoint that takes its type. A dedupe key that
-- exists already makes it a no-op (one product.updated per product per transaction).
CREATE FUNCTION shop_webhook_emit(event_type TEXT, resource TEXT, payload JSONB, dedupe TEXT DEFAULT NULL)
RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
  event_id TEXT := 'evt_' || replace(gen_random_uuid()::text, '-', '');
  at TIMESTAMP(3) := clock_timestamp() AT TIME ZONE 'UTC';
BEGIN
  IF payload IS NULL OR NOT shop_webhook_wanted(event_type) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "OutgoingEvent" ("id", "type", "resource", "payload", "dedupeKey", "createdAt")
  VALUES (event_id, event_type, resource, payload, dedupe, at)
  ON CONFLICT ("dedupeKey") DO NOTHING;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO "WebhookDelivery" ("endpointId", "eventId", "resource", "nextAttemptAt", "giveUpAt", "createdAt")
  SELECT e."id", event_id, resource, at, at + interval '24 hours', at
    FROM "WebhookEndpoint" e
   WHERE e."enabled" AND event_type = ANY(e."events")
   ORDER BY e."id";
  RETURN event_id;
END $$;

-- The payloads (their TypeScript types are in packages/webhooks; webhooks.test.ts parses every
-- event the tests emit with that package's schemas).
CREATE FUNCTION shop_webhook_order(order_id INTEGER) RETURNS JSONB STABLE LANGUAGE sql AS $$
  SELECT jsonb_build_object(
    'id', o."id", 'number', o."number", 'paymentStatus', o."paymentStatus",
    'fulfillmentStatus', o."fulfillmentStatus", 'state', o."state", 'email', o."email", 'customerId', o."userId",
    'currency', o."currency", 'subtotal', o."subtotal", 'discountTotal', o."discountTotal",
    'shippingTotal', o."shippingTotal", 'taxTotal', o."taxTotal", 'total', o."total",
    'refundedTotal', o."refundedTotal", 'couponCode', o."couponCode", 'shippingMethod', o."shippingMethodName",
    'cancelReason', o."cancelReason",
    'shipments', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
               'id', s."id", 'carrier', s."carrierName", 'trackingNumber', s."trackingNumber",
               'status', s."status", 'shippedAt', shop_iso(s."shippedAt"), 'deliveredAt', shop_iso(s."deliveredAt"))
             ORDER BY s."id")
        FROM "Shipment" s WHERE s."orderId" = o."id"), '[]'::jsonb),
    'placedAt', shop_iso(o."placedAt"), 'paidAt', shop_iso(o."paidAt"), 'shippedAt', shop_iso(o."shippedAt"),
    'deliveredAt', shop_iso(o."deliveredAt"), 'cancelledAt', shop_iso(o."cancelledAt"),
    'items', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
               'id', i."id", 'productId', i."productId", 'variantId', i."variantId", 'sku', i."sku",
               'name', i."productName", 'variantTitle', i."variantTitle", 'quantity', i."quantity",
               'unitPrice', i."unitPrice", 'total', i."total") ORDER BY i."id")
        FROM "OrderItem" i WHERE i."orderId" = o."id"), '[]'::jsonb),
    'shippingAddress', (
      SELECT jsonb_build_object(
               'fullName', a."fullName", 'company', a."company", 'line1', a."line1", 'line2', a."line2",
               'city', a."city", 'region', a."region", 'postalCode', a."postalCode", 'country', a."country",
               'phone', a."phone")
        FROM "OrderAddress" a WHERE a."orderId" = o."id" AND a."kind" = 'SHIPPING' ORDER BY a."id" LIMIT 1))
    FROM "Order" o WHERE o."id" = order_id
$$;

CREATE FUNCTION shop_webhook_product(product_id INTEGER) RETURNS JSONB STABLE LANGUAGE sql AS $$
  SELECT jsonb_build_object(
    'id', p."id", 'slug', p."slug", 'name', p."name", 'description', p."description", 'status', p."status",
    'featured', p."featured", 'brand', p."brandName", 'categoryId', p."categoryId", 'imagePath', p."imagePath",
    'publishedAt', shop_iso(p."publishedAt"), 'updatedAt', shop_iso(p."updatedAt"),
    'variants', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
               'id', v."id", 'sku', v."sku", 'title', v."title", 'price', v."price",
               'compareAtPrice', v."compareAtPrice", 'currency', v."currency",
               'available', v."stockOnHand" - v."reserved") ORDER BY v."position", v."id")
        FROM "Variant" v WHERE v."productId" = p."id"), '[]'::jsonb))
    FROM "Product" p WHERE p."id" = product_id
$$;

CREATE FUNCTION shop_webhook_order_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type TEXT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    event_type := 'order.created';
  ELSE
    -- Payment, fulfilment and state move apart (one update may move one of them).
    event_type := CASE
      WHEN NEW."paymentStatus" IS DISTINCT FROM OLD."paymentStatus" AND NEW."paymentStatus" = 'PAID' THEN 'order.paid'
      WHEN NEW."fulfillmentStatus" IS DISTINCT FROM OLD."fulfillmentStatus"
           AND NEW."fulfillmentStatus" IN ('PARTIALLY_FULFILLED', 'FULFILLED') THEN 'order.fulfilled'
      WHEN NEW."state" IS DISTINCT FROM OLD."state" AND NEW."state" = 'CANCELLED' THEN 'order.cancelled' END;
  END IF;
  IF event_type IS NOT NULL AND shop_webhook_wanted(event_type) THEN
    PERFORM shop_webhook_emit(event_type, 'order:' || NEW."id",
                              (SELECT jsonb_build_object('order', o) FROM shop_webhook_order(NEW."id") o WHERE o IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Order_webhook_created" AFTER INSERT ON "Order"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shop_webhook_order_trigger();
CREATE CONSTRAINT TRIGGER "Order_webhook_status" AFTER UPDATE OF "paymentStatus", "fulfillmentStatus", "state" ON "Order"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD."paymentStatus", OLD."fulfillmentStatus", OLD."state") IS DISTINCT FROM
        (NEW."paymentStatus", NEW."fulfillmentStatus", NEW."state"))
  EXECUTE FUNCTION shop_webhook_order_trigger();

-- A refund is an event when the provider confirmed it (partial ones too), on the order's stream.
CREATE FUNCTION shop_webhook_refund_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF shop_webhook_wanted('order.refunded') THEN
    PERFORM shop_webhook_emit('order.refunded', 'order:' || NEW."orderId",
      (SELECT jsonb_build_object('order', o, 'refund', jsonb_build_object(
                'id', NEW."id", 'amount', NEW."amount", 'currency', NEW."currency", 'reason', NEW."reason"))
         FROM shop_webhook_order(NEW."orderId") o WHERE o IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Refund_webhook_succeeded" AFTER UPDATE OF "status" ON "Refund"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW."status" = 'SUCCEEDED' AND OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION shop_webhook_refund_trigger();

-- Low stock: the same crossing that queues the staff email (lowStockAlertedAt set).
CREATE FUNCTION shop_webhook_low_stock_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF shop_webhook_wanted('inventory.low_stock') THEN
    PERFORM shop_webhook_emit('inventory.low_stock', 'variant:' || NEW."id",
      (SELECT jsonb_build_object('variant', jsonb_build_object(
                'id', v."id", 'productId', v."productId", 'productName', p."name", 'sku', v."sku", 'title', v."title",
                'stockOnHand', v."stockOnHand", 'reserved', v."reserved", 'available', v."stockOnHand" - v."reserved",
                'threshold', COALESCE(v."lowStockThreshold",
                                      (SELECT ("value" #>> '{}')::int FROM "Setting" WHERE "key" = 'inventory.lowStockThreshold'), 5)))
         FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
        WHERE v."id" = NEW."id" AND p."status" <> 'ARCHIVED' AND v."lowStockAlertedAt" IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Variant_webhook_low_stock" AFTER UPDATE OF "lowStockAlertedAt" ON "Variant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."lowStockAlertedAt" IS NULL AND NEW."lowStockAlertedAt" IS NOT NULL)
  EXECUTE FUNCTION shop_webhook_low_stock_trigger();

CREATE FUNCTION shop_webhook_customer_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF shop_webhook_wanted('customer.created') THEN
    PERFORM shop_webhook_emit('customer.created', 'customer:' || NEW."id",
      (SELECT jsonb_build_object('customer', jsonb_build_object(
                'id', u."id", 'email', u."email", 'name', u."name", 'createdAt', shop_iso(u."createdAt")))
         FROM "User" u WHERE u."id" = NEW."id" AND u."role" = 'CUSTOMER'));
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "User_webhook_customer_created" AFTER INSERT ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."role" = 'CUSTOMER')
  EXECUTE FUNCTION shop_webhook_customer_trigger();

-- Products: created, updated (its own columns or its variants' prices, SKUs and titles; stock,
-- sales and ratings are not product edits) and deleted. Created and updated share a dedupe key
-- per transaction: saving a product with its variants is one event, and a new product's first
-- save is product.created alone.
CREATE FUNCTION shop_webhook_product_changed(product_id INTEGER, event_type TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF shop_webhook_wanted(event_type) THEN
    PERFORM shop_webhook_emit(event_type, 'product:' || product_id,
      (SELECT jsonb_build_object('product', p) FROM shop_webhook_product(product_id) p WHERE p IS NOT NULL),
      'product:' || product_id || ':' || txid_current());
  END IF;
END $$;

CREATE FUNCTION shop_webhook_product_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF shop_webhook_wanted('product.deleted') THEN
      PERFORM shop_webhook_emit('product.deleted', 'product:' || OLD."id",
        jsonb_build_object('product', jsonb_build_object('id', OLD."id", 'slug', OLD."slug", 'name', OLD."name")));
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM shop_webhook_product_changed(NEW."id", 'product.created');
  ELSE
    PERFORM shop_webhook_product_changed(NEW."id", 'product.updated');
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION shop_webhook_variant_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM shop_webhook_product_changed(CASE WHEN TG_OP = 'DELETE' THEN OLD."productId" ELSE NEW."productId" END,
                                       'product.updated');
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Product_webhook_created" AFTER INSERT ON "Product"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shop_webhook_product_trigger();
CREATE CONSTRAINT TRIGGER "Product_webhook_deleted" AFTER DELETE ON "Product"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shop_webhook_product_trigger();
CREATE CONSTRAINT TRIGGER "Product_webhook_updated"
  AFTER UPDATE OF "slug", "name", "description", "status", "featured", "seoTitle", "seoDescription", "categoryId",
                  "brandId", "imagePath" ON "Product"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD."slug", OLD."name", OLD."description", OLD."status", OLD."featured", OLD."seoTitle", OLD."seoDescription",
         OLD."categoryId", OLD."brandId", OLD."imagePath")
        IS DISTINCT FROM
        (NEW."slug", NEW."name", NEW."description", NEW."status", NEW."featured", NEW."seoTitle", NEW."seoDescription",
         NEW."categoryId", NEW."brandId", NEW."imagePath"))
  EXECUTE FUNCTION shop_webhook_product_trigger();
CREATE CONSTRAINT TRIGGER "Variant_webhook_added_or_removed" AFTER INSERT OR DELETE ON "Variant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shop_webhook_variant_trigger();
CREATE CONSTRAINT TRIGGER "Variant_webhook_updated" AFTER UPDATE OF "sku", "title", "price", "compareAtPrice" ON "Variant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD."sku", OLD."title", OLD."price", OLD."compareAtPrice") IS DISTINCT FROM
        (NEW."sku", NEW."title", NEW."price", NEW."compareAtPrice"))
  EXECUTE FUNCTION shop_webhook_variant_trigger();
