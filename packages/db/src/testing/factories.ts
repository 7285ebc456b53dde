import { hashPassword } from "@shop/auth";
import type { Prisma, PrismaClient, ProductStatus, Role } from "../generated/prisma/client.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Test data builders: small, explicit defaults, every field overridable. */
export function factories(prisma: PrismaClient) {
  return {
    async user(input: { email?: string; name?: string; role?: Role; password?: string; disabled?: boolean } = {}) {
      return prisma.user.create({
        data: {
          email: input.email ?? `user-${unique()}@example.com`,
          name: input.name ?? "Test User",
          role: input.role ?? "CUSTOMER",
          passwordHash: input.password ? await hashPassword(input.password) : null,
          disabledAt: input.disabled ? new Date() : null,
        },
        select: { id: true, email: true, name: true, role: true },
      });
    },

    async brand(name = `Brand ${unique()}`) {
      return prisma.brand.create({ data: { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-") } });
    },

    async category(input: { name?: string; parentId?: number } = {}) {
      const name = input.name ?? `Category ${unique()}`;
      return prisma.category.create({
        data: { name, slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${unique()}`, parentId: input.parentId },
      });
    },

    /** A product with variants; `variants` gives each variant's price and stock. */
    async product(
      input: {
        name?: string;
        status?: ProductStatus;
        brandId?: number;
        categoryId?: number;
        createdAt?: Date;
        description?: string;
        variants?: Array<{ price: number; stock?: number; sku?: string }>;
      } = {},
    ) {
      const name = input.name ?? `Product ${unique()}`;
      const variants: Prisma.VariantCreateWithoutProductInput[] = (input.variants ?? [{ price: 1_000, stock: 10 }]).map(
        (variant, position) => ({
          sku: variant.sku ?? `SKU-${unique()}`,
          price: variant.price,
          stockOnHand: variant.stock ?? 10,
          position,
        }),
      );
      return prisma.product.create({
        data: {
          name,
          slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${unique()}`,
          description: input.description ?? "",
          status: input.status ?? "ACTIVE",
          brandId: input.brandId,
          categoryId: input.categoryId,
          createdAt: input.createdAt,
          variants: { create: variants },
        },
        select: { id: true, slug: true, name: true, variants: { select: { id: true, sku: true, price: true } } },
      });
    },
  };
}
