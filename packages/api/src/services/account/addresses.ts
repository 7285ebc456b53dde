import type { Prisma, PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";

export const addressSelect = {
  id: true,
  fullName: true,
  company: true,
  line1: true,
  line2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  phone: true,
} satisfies Prisma.AddressSelect;

export type AddressData = {
  fullName: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
  phone?: string | null;
};

const MAX_ADDRESSES = 20;

export async function listAddresses(db: PrismaClient, userId: number) {
  const [user, addresses] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { defaultShippingAddressId: true, defaultBillingAddressId: true },
    }),
    db.address.findMany({ where: { userId }, select: addressSelect, orderBy: { id: "asc" } }),
  ]);
  return addresses.map((address) => ({
    ...address,
    isDefaultShipping: address.id === user.defaultShippingAddressId,
    isDefaultBilling: address.id === user.defaultBillingAddressId,
  }));
}

/** Adds an address; the first one becomes the default for shipping and billing. */
export async function createAddress(db: PrismaClient, userId: number, data: AddressData) {
  return db.$transaction(async (tx) => {
    const count = await tx.address.count({ where: { userId } });
    if (count >= MAX_ADDRESSES)
      throw new AppError("PRECONDITION_FAILED", `You can keep at most ${MAX_ADDRESSES} addresses`);
    const address = await tx.address.create({ data: { ...data, userId }, select: addressSelect });
    if (count === 0) {
      await tx.user.update({
        where: { id: userId },
        data: { defaultShippingAddressId: address.id, defaultBillingAddressId: address.id },
      });
    }
    return address;
  });
}

async function assertOwned(db: PrismaClient | Prisma.TransactionClient, userId: number, id: number) {
  const owned = await db.address.findFirst({ where: { id, userId }, select: { id: true } });
  if (!owned) throw new AppError("NOT_FOUND", "Address not found");
}

export async function updateAddress(db: PrismaClient, userId: number, id: number, data: AddressData) {
  await assertOwned(db, userId, id);
  return db.address.update({ where: { id }, data, select: addressSelect });
}

/** Deleting a default address clears that default (the foreign key sets it to null). */
export async function deleteAddress(db: PrismaClient, userId: number, id: number): Promise<void> {
  const { count } = await db.address.deleteMany({ where: { id, userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "Address not found");
}

export async function setDefaultAddress(
  db: PrismaClient,
  userId: number,
  id: number,
  kind: "shipping" | "billing" | "both",
) {
  await assertOwned(db, userId, id);
  await db.user.update({
    where: { id: userId },
    data: {
      ...(kind !== "billing" && { defaultShippingAddressId: id }),
      ...(kind !== "shipping" && { defaultBillingAddressId: id }),
    },
  });
}
