import type { SqlRunner } from "../sql.ts";
import { insertRows, nextId, syncSequence } from "./bulk.ts";
import { brands, categories, lines, type BrandDef, type LineDef } from "./catalog-data.ts";
import { productPicture, type SeedPicture, type StoredPicture } from "./images.ts";
import type { Random } from "./random.ts";

export type SeededVariant = {
  id: number;
  productId: number;
  productName: string;
  title: string;
  sku: string;
  price: number;
  imagePath: string;
  active: boolean;
};

const DAY = 86_400_000;

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function roundPrice(minor: number): number {
  return Math.max(99, Math.round(minor / 1000) * 1000 - 1);
}

function* productNames(random: Random): Generator<{ brand: BrandDef; line: LineDef; name: string }> {
  const generation = new Map<string, number>();
  for (;;) {
    for (const brand of brands) {
      const key = random.pick(brand.lines);
      const line: LineDef = lines[key];
      const series = random.pick(line.series);
      const family = brand.families?.[key];
      // Counted per name stem, so two lines sharing a series name never produce the same name.
      const stem = `${brand.name} ${family ?? ""} ${series}`;
      const gen = (generation.get(stem) ?? random.int(2, 9)) + 1;
      generation.set(stem, gen);
      const name = family ? `${brand.name} ${family} ${gen} ${series}` : `${brand.name} ${series} ${gen}`;
      yield { brand, line, name };
    }
  }
}

/** Variant option combinations: about three per product on average. */
function chooseOptions(random: Random, line: LineDef) {
  const [first, second] = line.axes;
  if (!first) return [];
  if (!second) return [{ axis: first, values: random.sample(first.values, random.int(2, 4)) }];
  const start = random.int(0, Math.max(0, first.values.length - 2));
  return [
    { axis: first, values: first.values.slice(start, start + random.int(1, 2)) },
    { axis: second, values: random.sample(second.values, random.int(1, 3)) },
  ];
}

export type CatalogPlan = Awaited<ReturnType<typeof planCatalog>>;

/**
 * The demo catalog's rows and pictures, computed without writing anything: the pictures are
 * stored before the transaction that inserts the rows (files first, rows after, as uploads do),
 * so no object-storage call runs inside a database transaction.
 */
export async function planCatalog(sql: SqlRunner, options: { random: Random; products: number; now: Date }) {
  const { random, now } = options;

  let categoryId = await nextId(sql, "Category");
  const categoryIds = new Map<string, number>();
  for (const category of categories) categoryIds.set(category.slug, categoryId++);
  let brandId = await nextId(sql, "Brand");
  const brandIds = new Map(brands.map((brand) => [brand.slug, brandId++]));

  const rows = {
    categories: categories.map((category, position) => ({
      id: categoryIds.get(category.slug) ?? 0,
      parentId: category.parent ? (categoryIds.get(category.parent) ?? null) : null,
      name: category.name,
      slug: category.slug,
      description: category.description,
      position,
      updatedAt: now,
    })),
    brands: brands.map((brand) => ({
      id: brandIds.get(brand.slug) ?? 0,
      name: brand.name,
      slug: brand.slug,
      updatedAt: now,
    })),
    products: [] as Array<Record<string, unknown>>,
    options: [] as Array<Record<string, unknown>>,
    values: [] as Array<Record<string, unknown>>,
    variants: [] as Array<Record<string, unknown>>,
    variantValues: [] as Array<Record<string, unknown>>,
    images: [] as Array<{
      id: number;
      productId: number;
      path: string;
      alt: string;
      position: number;
      createdAt: Date;
    }>,
    movements: [] as Array<Record<string, unknown>>,
    imageVariants: [] as Array<{ imageId: number; variantId: number }>,
  };
  const seeded: SeededVariant[] = [];
  const pictures: SeedPicture[] = [];
  const ids = {
    product: await nextId(sql, "Product"),
    option: await nextId(sql, "ProductOption"),
    value: await nextId(sql, "ProductOptionValue"),
    variant: await nextId(sql, "Variant"),
    image: await nextId(sql, "ProductImage"),
  };

  const names = productNames(random);
  for (let index = 0; index < options.products; index++) {
    const { brand, line, name } = names.next().value ?? { brand: brands[0], line: lines.phone, name: "" };
    if (!brand) throw new Error("no brands");
    const productId = ids.product++;
    const slug = slugify(name);
    const createdAt = new Date(now.getTime() - random.int(1, 540) * DAY - random.int(0, DAY));
    const statusRoll = random.next();
    const status = statusRoll < 0.95 ? "ACTIVE" : statusRoll < 0.98 ? "DRAFT" : "ARCHIVED";
    const features = random.sample(line.features, 3);
    const description =
      `${name} brings ${features.join(", ")}. ` +
      `Designed by ${brand.name} for everyday use, with a two-year warranty and free returns within 30 days.`;
    rows.products.push({
      id: productId,
      slug,
      name,
      description,
      status,
      featured: status === "ACTIVE" && random.chance(0.06),
      seoTitle: `${name} | Shop`,
      seoDescription: description.slice(0, 155),
      categoryId: categoryIds.get(line.category) ?? null,
      brandId: brandIds.get(brand.slug) ?? null,
      publishedAt: status === "ACTIVE" ? createdAt : null,
      createdAt,
      updatedAt: createdAt,
    });

    const axes = chooseOptions(random, line);
    const valueIds: number[][] = axes.map(({ axis, values }, position) => {
      const optionId = ids.option++;
      rows.options.push({ id: optionId, productId, name: axis.name, position });
      return values.map((value, valuePosition) => {
        const id = ids.value++;
        rows.values.push({ id, optionId, value, position: valuePosition });
        return id;
      });
    });

    const base = roundPrice(random.int(line.price[0], line.price[1]));
    const onSale = random.chance(0.2);
    const colourAxis = axes.findIndex(({ axis }) => axis.name === "Colour");
    const imageFor = new Map<string, string>();
    const imageIdFor = new Map<string, number>();
    // Rows name their picture by stem; storing it (seed/index.ts) gives the file's path and widths.
    const primaryPath = `products/${slug}`;
    pictures.push(
      productPicture(primaryPath, {
        category: line.category,
        colour: axes[colourAxis]?.values[0],
        hue: brand.hue,
        label: name,
      }),
    );
    rows.images.push({
      id: ids.image++,
      productId,
      path: primaryPath,
      alt: name,
      position: 0,
      createdAt,
    });

    const combos: number[][] = axes.reduce<number[][]>(
      (acc, { values }) => acc.flatMap((combo) => values.map((_, i) => [...combo, i])),
      [[]],
    );
    combos.forEach((combo, position) => {
      const variantId = ids.variant++;
      const labels = combo.map((valueIndex, axisIndex) => axes[axisIndex]?.values[valueIndex] ?? "");
      const title = labels.join(" / ");
      const price = combo.reduce((sum, valueIndex, axisIndex) => {
        const axis = axes[axisIndex]?.axis;
        const step = axis?.priceStep ?? 0;
        return sum + step * (axis ? axis.values.indexOf(labels[axisIndex] ?? "") : 0);
      }, base);
      const stockRoll = random.next();
      const stock = stockRoll < 0.1 ? 0 : stockRoll < 0.25 ? random.int(1, 5) : random.int(6, 120);
      const sku = `${brand.slug.slice(0, 3).toUpperCase()}-${productId}-${position + 1}`;
      rows.variants.push({
        id: variantId,
        productId,
        sku,
        title,
        price,
        compareAtPrice: onSale ? roundPrice(price * (1.15 + random.next() * 0.15)) : null,
        stockOnHand: stock,
        position,
        createdAt,
        updatedAt: createdAt,
      });
      combo.forEach((valueIndex, axisIndex) => {
        rows.variantValues.push({ variantId, optionValueId: valueIds[axisIndex]?.[valueIndex] ?? 0 });
      });
      rows.movements.push({
        variantId,
        reason: "INITIAL",
        delta: stock,
        reservedDelta: 0,
        stockAfter: stock,
        reservedAfter: 0,
        note: "Opening stock",
        createdAt,
      });

      let imagePath = primaryPath;
      const colour = colourAxis >= 0 ? labels[colourAxis] : undefined;
      if (colour && combo[colourAxis] !== 0) {
        imagePath = imageFor.get(colour) ?? `products/${slug}-${slugify(colour)}`;
        if (!imageFor.has(colour)) {
          imageFor.set(colour, imagePath);
          imageIdFor.set(colour, ids.image);
          pictures.push(productPicture(imagePath, { category: line.category, colour, hue: brand.hue, label: name }));
          rows.images.push({
            id: ids.image++,
            productId,
            path: imagePath,
            alt: `${name} in ${colour}`,
            position: imageFor.size,
            createdAt,
          });
        }
        // The colour's picture shows every variant in that colour.
        const imageId = imageIdFor.get(colour);
        if (imageId !== undefined) rows.imageVariants.push({ imageId, variantId });
      }
      seeded.push({
        id: variantId,
        productId,
        productName: name,
        title,
        sku,
        price,
        imagePath,
        active: status === "ACTIVE",
      });
    });
  }
  return { rows, pictures, variants: seeded };
}

/** Inserts a planned catalog, its image rows pointing at the files `stored` says were written. */
export async function insertCatalog(sql: SqlRunner, plan: CatalogPlan, stored: ReadonlyMap<string, StoredPicture>) {
  const { rows } = plan;
  const picture = (stem: string) => {
    const found = stored.get(stem);
    if (!found) throw new Error(`the picture ${stem} was not stored`);
    return found;
  };
  await insertRows(
    sql,
    "Category",
    {
      id: "int",
      parentId: "int",
      name: "text",
      slug: "text",
      description: "text",
      position: "int",
      updatedAt: "timestamptz",
    },
    rows.categories,
  );
  await insertRows(sql, "Brand", { id: "int", name: "text", slug: "text", updatedAt: "timestamptz" }, rows.brands);
  await insertRows(
    sql,
    "Product",
    {
      id: "int",
      slug: "text",
      name: "text",
      description: "text",
      status: "enum:ProductStatus",
      featured: "bool",
      seoTitle: "text",
      seoDescription: "text",
      categoryId: "int",
      brandId: "int",
      publishedAt: "timestamptz",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    rows.products,
  );
  await insertRows(sql, "ProductOption", { id: "int", productId: "int", name: "text", position: "int" }, rows.options);
  await insertRows(
    sql,
    "ProductOptionValue",
    { id: "int", optionId: "int", value: "text", position: "int" },
    rows.values,
  );
  await insertRows(
    sql,
    "Variant",
    {
      id: "int",
      productId: "int",
      sku: "text",
      title: "text",
      price: "int",
      compareAtPrice: "int",
      stockOnHand: "int",
      position: "int",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    },
    rows.variants,
  );
  await insertRows(sql, "VariantOptionValue", { variantId: "int", optionValueId: "int" }, rows.variantValues);
  await insertRows(
    sql,
    "ProductImage",
    {
      id: "int",
      productId: "int",
      path: "text",
      alt: "text",
      width: "int",
      height: "int",
      widths: "int[]",
      position: "int",
      createdAt: "timestamptz",
    },
    rows.images.map((image) => ({ ...image, ...picture(image.path) })),
  );
  await insertRows(sql, "ProductImageVariant", { imageId: "int", variantId: "int" }, rows.imageVariants);
  await insertRows(
    sql,
    "InventoryMovement",
    {
      variantId: "int",
      reason: "enum:InventoryReason",
      delta: "int",
      reservedDelta: "int",
      stockAfter: "int",
      reservedAfter: "int",
      note: "text",
      createdAt: "timestamptz",
    },
    rows.movements,
  );
  for (const table of [
    "Category",
    "Brand",
    "Product",
    "ProductOption",
    "ProductOptionValue",
    "Variant",
    "ProductImage",
  ]) {
    await syncSequence(sql, table);
  }
  return plan.variants.map((variant) => ({ ...variant, imagePath: picture(variant.imagePath).path }));
}
