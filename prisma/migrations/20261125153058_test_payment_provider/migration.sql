-- CreateTable
CREATE TABLE "TestPaymentIntent" (
    "id" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "amountRefunded" INTEGER NOT NULL DEFAULT 0,
    "refundKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "idempotencyKey" TEXT NOT NULL,
    "paymentId" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TestPaymentIntent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TestPaymentIntent_clientSecret_key" ON "TestPaymentIntent"("clientSecret");

-- CreateIndex
CREATE UNIQUE INDEX "TestPaymentIntent_idempotencyKey_key" ON "TestPaymentIntent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "TestPaymentIntent_orderId_idx" ON "TestPaymentIntent"("orderId");

-- Hand-written: what schema.prisma cannot express.
ALTER TABLE "TestPaymentIntent"
  ADD CONSTRAINT "TestPaymentIntent_amounts" CHECK ("amount" >= 0 AND "amountRefunded" BETWEEN 0 AND "amount");
