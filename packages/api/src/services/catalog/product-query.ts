import { qb } from "@shop/db";
import { sql } from "kysely";
import { jsonBuildObject } from "kysely/helpers/postgres";
import { jsonAgg, orEmpty } from "../../lib/json.ts";
import { eb as product, isActive } from "./filters.ts";

// The product page's data in one statement: the row, its options, variants, images, rating and
// breadcrumb as JSON built by PostgreSQL (the driver parses it natively).

export const productQuery = (slug: string) =>
  qb
    .selectFrom("Product as p")
    .select((eb) => [
      "p.id",
      "p.slug",
      "p.name",
      "p.description",
      "p.seoTitle",
      "p.seoDescription",
      "p.priceMin",
      "p.priceMax",
      "p.inStock",
      "p.brandName",
      "p.brandSlug",
      orEmpty(
        eb
          .selectFrom("ProductOption as o")
          .select((eb) =>
            jsonAgg(
              jsonBuildObject({
                id: eb.ref("o.id"),
                name: eb.ref("o.name"),
                values: orEmpty(
                  eb
                    .selectFrom("ProductOptionValue as v")
                    .select((eb) =>
                      jsonAgg(
                        jsonBuildObject({ id: eb.ref("v.id"), value: eb.ref("v.value") }),
                        sql`${eb.ref("v.position")}, ${eb.ref("v.id")}`,
                      ).as("list"),
                    )
                    .whereRef("v.optionId", "=", "o.id")
                    .$asScalar(),
                ),
              }),
              sql`${eb.ref("o.position")}, ${eb.ref("o.id")}`,
            ).as("list"),
          )
          .whereRef("o.productId", "=", "p.id")
          .$asScalar(),
      ).as("options"),
      orEmpty(
        eb
          .selectFrom("Variant as va")
          .select((eb) =>
            jsonAgg(
              jsonBuildObject({
                id: eb.ref("va.id"),
                sku: eb.ref("va.sku"),
                title: eb.ref("va.title"),
                price: eb.ref("va.price"),
                compareAtPrice: eb.ref("va.compareAtPrice"),
                stockOnHand: eb.ref("va.stockOnHand"),
                reserved: eb.ref("va.reserved"),
                optionValueIds: sql<number[]>`ARRAY(${eb
                  .selectFrom("VariantOptionValue as l")
                  .select("l.optionValueId")
                  .whereRef("l.variantId", "=", "va.id")})`,
              }),
              sql`${eb.ref("va.position")}, ${eb.ref("va.id")}`,
            ).as("list"),
          )
          .whereRef("va.productId", "=", "p.id")
          .$asScalar(),
      ).as("variants"),
      orEmpty(
        eb
          .selectFrom("ProductImage as i")
          .select((eb) =>
            jsonAgg(
              jsonBuildObject({
                id: eb.ref("i.id"),
                path: eb.ref("i.path"),
                alt: eb.ref("i.alt"),
                width: eb.ref("i.width"),
                height: eb.ref("i.height"),
                widths: eb.ref("i.widths"),
                variantIds: sql<number[]>`ARRAY(${eb
                  .selectFrom("ProductImageVariant as iv")
                  .select("iv.variantId")
                  .whereRef("iv.imageId", "=", "i.id")
                  .orderBy("iv.variantId")})`,
              }),
              sql`${eb.ref("i.position")}, ${eb.ref("i.id")}`,
            ).as("list"),
          )
          .whereRef("i.productId", "=", "p.id")
          .$asScalar(),
      ).as("images"),
      eb
        .selectFrom("ProductRating as r")
        .select((eb) =>
          jsonBuildObject({
            count: eb.ref("r.count"),
            average: eb.ref("r.average"),
            star1: eb.ref("r.star1"),
            star2: eb.ref("r.star2"),
            star3: eb.ref("r.star3"),
            star4: eb.ref("r.star4"),
            star5: eb.ref("r.star5"),
          }).as("rating"),
        )
        .whereRef("r.productId", "=", "p.id")
        .$asScalar()
        .as("rating"),
      orEmpty(
        qb
          .withRecursive("up(id, parentId, slug, name, depth)", (db) =>
            db
              .selectFrom("Category as c")
              .select(["c.id", "c.parentId", "c.slug", "c.name", sql<number>`0`.as("depth")])
              .where("c.id", "=", eb.ref("p.categoryId"))
              .unionAll(
                db
                  .selectFrom("Category as c")
                  .innerJoin("up", "c.id", "up.parentId")
                  .select(["c.id", "c.parentId", "c.slug", "c.name", sql<number>`"up"."depth" + 1`.as("depth")])
                  .where("up.depth", "<", 20),
              ),
          )
          .selectFrom("up")
          .select((eb) =>
            jsonAgg(jsonBuildObject({ slug: eb.ref("up.slug"), name: eb.ref("up.name") }), sql`"up"."depth" DESC`).as(
              "list",
            ),
          )
          .$asScalar(),
      ).as("breadcrumb"),
    ])
    .where("p.slug", "=", slug)
    .where(isActive);

/** Related products: the best sellers of the same category, found by the product's slug. */
export const relatedWhere = (slug: string) =>
  product.and([
    isActive,
    product("p.categoryId", "=", qb.selectFrom("Product as s").select("s.categoryId").where("s.slug", "=", slug)),
    product("p.slug", "<>", slug),
  ]);
