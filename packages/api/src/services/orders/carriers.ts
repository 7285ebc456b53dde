import type { Prisma, PrismaClient } from "@shop/db";

export const carrierSelect = { code: true, name: true, trackingUrl: true } satisfies Prisma.CarrierSelect;

export const listCarriers = (db: PrismaClient) =>
  db.carrier.findMany({ select: carrierSelect, orderBy: [{ position: "asc" }, { name: "asc" }] });

/** The carrier's tracking page for a number, or null for a carrier without one (or unknown). */
export function trackingUrl(template: string | null | undefined, trackingNumber: string | null): string | null {
  if (!template || !trackingNumber) return null;
  return template.replaceAll("{number}", encodeURIComponent(trackingNumber));
}

/** A known carrier by code or name (any case), or the name as typed for one we do not know. */
export async function resolveCarrier(tx: Prisma.TransactionClient, carrier: string) {
  const wanted = carrier.trim();
  const known = await tx.carrier.findFirst({
    where: {
      OR: [{ code: { equals: wanted, mode: "insensitive" } }, { name: { equals: wanted, mode: "insensitive" } }],
    },
    select: carrierSelect,
  });
  return known ?? { code: null, name: wanted, trackingUrl: null };
}
