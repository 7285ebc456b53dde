import { Prisma } from "@shop/db";
import { ProductStatus } from "@shop/db/enums";
import { z } from "zod";
import { sqlRows, type Sql } from "../../lib/sql.ts";
import { couponRuleJson, CouponRuleJson } from "./coupon-rules.ts";

// A cart as the cart page, the checkout quote and placing an order read it: one statement for
// the lines (variant, product and primary image, all on the product row) and the coupon.

const CartLine = z.object({
  id: z.number(),
  quantity: z.number(),
  priceWhenAdded: z.number(),
  variantId: z.number(),
  sku: z.string(),
  title: z.string(),
  price: z.number(),
  compareAtPrice: z.number().nullable(),
  stockOnHand: z.number(),
  reserved: z.number(),
  productId: z.number(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(ProductStatus),
  categoryId: z.number().nullable(),
  imagePath: z.string().nullable(),
  imageAlt: z.string().nullable(),
  imageWidth: z.number().nullable(),
  imageHeight: z.number().nullable(),
  imageWidths: z.array(z.number()).nullable(),
});
export type CartLine = z.infer<typeof CartLine>;

export const CartState = z.object({ cartId: z.number(), items: z.array(CartLine), coupon: CouponRuleJson.nullable() });
export type CartState = z.infer<typeof CartState>;

/** The cart's stored lines (id, quantity, priceWhenAdded, variantId), for the cart alias `c`. */
const storedLines = Prisma.sql`SELECT i."id", i."quantity", i."priceWhenAdded", i."variantId" FROM "CartItem" i WHERE i."cartId" = c."id"`;

/**
 * The cart (alias `c`)'s id, lines in the order they were added, and coupon rule. `lines` can
 * replace the stored lines, e.g. to include a line written by the same statement (which the
 * statement itself cannot read back from the table).
 */
export const cartStateColumns = (lines: Prisma.Sql = storedLines) => Prisma.sql`c."id" AS "cartId",
  COALESCE((SELECT json_agg(json_build_object(
      'id', i."id", 'quantity', i."quantity", 'priceWhenAdded', i."priceWhenAdded",
      'variantId', v."id", 'sku', v."sku", 'title', v."title", 'price', v."price", 'compareAtPrice', v."compareAtPrice",
      'stockOnHand', v."stockOnHand", 'reserved', v."reserved",
      'productId', p."id", 'slug', p."slug", 'name', p."name", 'status', p."status", 'categoryId', p."categoryId",
      'imagePath', p."imagePath", 'imageAlt', p."imageAlt", 'imageWidth', p."imageWidth", 'imageHeight', p."imageHeight", 'imageWidths', p."imageWidths") ORDER BY i."id")
     FROM (${lines}) i JOIN "Variant" v ON v."id" = i."variantId" JOIN "Product" p ON p."id" = v."productId"), '[]'::json) AS "items",
  (SELECT ${couponRuleJson} FROM "Coupon" k WHERE k."id" = c."couponId") AS "coupon"`;

export async function loadCart(sql: Sql, cartId: number): Promise<CartState | null> {
  const [state] = await sqlRows(
    sql,
    CartState,
    Prisma.sql`SELECT ${cartStateColumns()} FROM "Cart" c WHERE c."id" = ${cartId}`,
  );
  return state ?? null;
}
