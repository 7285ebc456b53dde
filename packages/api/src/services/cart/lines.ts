import { qb, type DB } from "@shop/db";
import { expressionBuilder, sql, type AliasedSelectQueryBuilder, type Selectable } from "kysely";
import { jsonBuildObject } from "kysely/helpers/postgres";
import { jsonAgg, orEmpty } from "../../lib/json.ts";
import { prepared, rows, type RowOf, type Sql } from "../../lib/sql.ts";
import { couponRule, couponRuleJson } from "./coupon-rules.ts";

// A cart as the cart page, the checkout quote and placing an order read it: one statement for
// the lines (variant, product and primary image, all on the product row) and the coupon.

/** A cart line as stored: what `cartState` joins the variant and product to. */
export type StoredLine = Pick<Selectable<DB["CartItem"]>, "id" | "quantity" | "priceWhenAdded" | "variantId">;

/** A cart read sees the cart as `c`, and a line written by the same statement as `added`. */
const cart = expressionBuilder<DB & { c: DB["Cart"]; added: StoredLine }, "c">();

export const storedLineColumns = ["i.id", "i.quantity", "i.priceWhenAdded", "i.variantId"] as const;
/** The cart (alias `c`)'s stored lines. */
export const storedLines = cart.selectFrom("CartItem as i").select(storedLineColumns).whereRef("i.cartId", "=", "c.id");

/**
 * The cart (alias `c`)'s id, lines in the order they were added, and coupon rule. `lines` can
 * replace the stored lines, e.g. to include a line written by the same statement (which the
 * statement itself cannot read back from the table).
 */
export function cartState(lines: AliasedSelectQueryBuilder<StoredLine, "i"> = storedLines.as("i")) {
  return {
    cartId: cart.ref("c.id"),
    items: orEmpty(
      cart
        .selectFrom(lines)
        .innerJoin("Variant as v", "v.id", "i.variantId")
        .innerJoin("Product as p", "p.id", "v.productId")
        .select((eb) =>
          jsonAgg(
            jsonBuildObject({
              id: eb.ref("i.id"),
              quantity: eb.ref("i.quantity"),
              priceWhenAdded: eb.ref("i.priceWhenAdded"),
              variantId: eb.ref("v.id"),
              sku: eb.ref("v.sku"),
              title: eb.ref("v.title"),
              price: eb.ref("v.price"),
              compareAtPrice: eb.ref("v.compareAtPrice"),
              stockOnHand: eb.ref("v.stockOnHand"),
              reserved: eb.ref("v.reserved"),
              productId: eb.ref("p.id"),
              slug: eb.ref("p.slug"),
              name: eb.ref("p.name"),
              status: eb.ref("p.status"),
              categoryId: eb.ref("p.categoryId"),
              imagePath: eb.ref("p.imagePath"),
              imageAlt: eb.ref("p.imageAlt"),
              imageWidth: eb.ref("p.imageWidth"),
              imageHeight: eb.ref("p.imageHeight"),
              imageWidths: eb.ref("p.imageWidths"),
            }),
            sql`${eb.ref("i.id")}`,
          ).as("list"),
        )
        .$asScalar(),
    ),
    coupon: cart
      .selectFrom("Coupon as k")
      .select(couponRuleJson.as("rule"))
      .whereRef("k.id", "=", "c.couponId")
      .$asScalar(),
  };
}

/** The columns of `cartState`, for a statement that selects from `Cart c`. */
export const cartStateColumns = (lines?: AliasedSelectQueryBuilder<StoredLine, "i">) => {
  const state = cartState(lines);
  return [state.cartId.as("cartId"), state.items.as("items"), state.coupon.as("coupon")] as const;
};

const stateQuery = () => qb.selectFrom("Cart as c").select(cartStateColumns());

/** The cart as services read it: the row, with the coupon's dates as dates. */
export const toCartState = ({ coupon, ...cart }: RowOf<ReturnType<typeof stateQuery>>) => ({
  ...cart,
  coupon: coupon && couponRule(coupon),
});
export type CartState = ReturnType<typeof toCartState>;
export type CartLine = CartState["items"][number];

const byId = prepared({ cartId: -1 }, ({ cartId }) => stateQuery().where("c.id", "=", cartId));

export async function loadCart(sql: Sql, cartId: number): Promise<CartState | null> {
  const [row] = await rows(sql, byId({ cartId }));
  return row ? toCartState(row) : null;
}
