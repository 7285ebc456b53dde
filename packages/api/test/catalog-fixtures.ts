import type { PrismaClient, ProductStatus } from "@shop/db";

let counter = 0;

export type FixtureProduct = {
  name: string;
  status?: ProductStatus;
  brandId?: number;
  categoryId?: number;
  description?: string;
  createdAt?: Date;
  featured?: boolean;
  unitsSold?: number;
  /** Stars of each published review, e.g. [5, 4]: sets the rating summary. */
  ratings?: number[];
  /** Option axes, e.g. { Colour: ["Black", "Blue"] }; one variant per combination. */
  options?: Record<string, string[]>;
  /** Price of every variant, or one per combination. */
  prices?: number | number[];
  stock?: number | number[];
};

/** A product with option axes, a variant per combination, an image and a rating summary. */
export async function makeProduct(db: PrismaClient, input: FixtureProduct) {
  const id = ++counter;
  const axes = Object.entries(input.options ?? {});
  const combos = axes.reduce<string[][]>(
    (acc, [, values]) => acc.flatMap((combo) => values.map((value) => [...combo, value])),
    [[]],
  );
  const product = await db.product.create({
    data: {
      name: input.name,
      slug: `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id}`,
      description: input.description ?? "",
      status: input.status ?? "ACTIVE",
      brandId: input.brandId,
      categoryId: input.categoryId,
      createdAt: input.createdAt,
      featured: input.featured ?? false,
      unitsSold: input.unitsSold ?? 0,
      options: {
        create: axes.map(([name, values], position) => ({
          name,
          position,
          values: { create: values.map((value, valuePosition) => ({ value, position: valuePosition })) },
        })),
      },
      images: { create: [{ path: `products/fixture-${id}.svg`, alt: input.name, width: 800, height: 600 }] },
    },
    select: {
      id: true,
      slug: true,
      options: { select: { name: true, values: { select: { id: true, value: true } } } },
    },
  });
  const valueId = (axis: string, value: string) =>
    product.options.find((option) => option.name === axis)?.values.find((v) => v.value === value)?.id ?? 0;
  const pick = (spec: number | number[] | undefined, index: number, fallback: number) =>
    Array.isArray(spec) ? (spec[index] ?? fallback) : (spec ?? fallback);
  for (const [index, combo] of combos.entries()) {
    await db.variant.create({
      data: {
        productId: product.id,
        sku: `FIX-${id}-${index}`,
        title: combo.join(" / "),
        price: pick(input.prices, index, 1_000),
        stockOnHand: pick(input.stock, index, 10),
        position: index,
        optionValues: {
          create: combo.map((value, axis) => ({ optionValueId: valueId(axes[axis]?.[0] ?? "", value) })),
        },
      },
    });
  }
  if (input.ratings?.length) {
    const stars = [1, 2, 3, 4, 5].map((star) => input.ratings?.filter((rating) => rating === star).length ?? 0);
    const sum = input.ratings.reduce((total, rating) => total + rating, 0);
    await db.productRating.create({
      data: {
        productId: product.id,
        count: input.ratings.length,
        sum,
        average: sum / input.ratings.length,
        star1: stars[0],
        star2: stars[1],
        star3: stars[2],
        star4: stars[3],
        star5: stars[4],
      },
    });
  }
  return product;
}
