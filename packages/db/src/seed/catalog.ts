import type { SqlRunner } from "../sql.ts";
import { insertRows, nextId, syncSequence, withKeysAndIndexesAfter } from "./bulk.ts";
import { brands, categories, lines, type BrandDef, type LineDef } from "./catalog-data.ts";
import type { SeedPictures, StoredPicture } from "./images.ts";
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

/** Where the catalog's ids start, and its categories and brands: read before planning. */
export async function catalogStart(sql: SqlRunner, now: Date) {
  let categoryId = await nextId(sql, "Category");
  const categoryIds = new Map<string, number>();
  for (const category of categories) categoryIds.set(category.slug, categoryId++);
  let brandId = await nextId(sql, "Brand");
  const brandIds = new Map(brands.map((brand) => [brand.slug, brandId++]));
  return {
    categoryIds,
    brandIds,
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
    ids: {
      product: await nextId(sql, "Product"),
      option: await nextId(sql, "ProductOption"),
      value: await nextId(sql, "ProductOptionValue"),
      variant: await nextId(sql, "Variant"),
      image: await nextId(sql, "ProductImage"),
    },
  };
}
export type CatalogStart = Awaited<ReturnType<typeof catalogStart>>;

type ProductRow = {
  id: number;
  slug: string;
  name: string;
  description: string;
  status: string;
  featured: boolean;
  seoTitle: string;
  seoDescription: string;
  categoryId: number | null;
  brandId: number | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The card columns the Variant and ProductImage triggers derive, known ahead (see insertChunk). */
  priceMin: number;
  priceMax: number;
  inStock: boolean;
  imagePath: string;
  imageAlt: string;
  imageWidth: number;
  imageHeight: number;
  imageWidths: number[];
  optionKeys: string[];
};
type ImageRow = {
  id: number;
  productId: number;
  path: string;
  alt: string;
  width: number;
  height: number;
  widths: number[];
  position: number;
  createdAt: Date;
};

function emptyChunk() {
  return {
    products: [] as ProductRow[],
    options: [] as Array<Record<string, unknown>>,
    values: [] as Array<Record<string, unknown>>,
    variants: [] as Array<Record<string, unknown>>,
    variantValues: [] as Array<Record<string, unknown>>,
    images: [] as ImageRow[],
    movements: [] as Array<Record<string, unknown>>,
    imageVariants: [] as Array<{ imageId: number; variantId: number }>,
    seeded: [] as SeededVariant[],
  };
}
export type CatalogChunk = ReturnType<typeof emptyChunk>;

/** Products per chunk: planned, inserted and let go together, so a million never sit in memory at once. */
const CHUNK = 5_000;

type PlanOptions = { products: number; now: Date; pictures: SeedPictures; chunk?: number };

/**
 * Finds the pictures of the demo catalog, without planning its rows: the seed stores them before
 * the transaction that inserts the rows (files first, rows after, as uploads do, and no
 * object-storage call runs inside a database transaction). Give it a fork of the generator that
 * will plan the rows: the same numbers choose the same products.
 */
export function planPictures(random: Random, start: CatalogStart, options: PlanOptions): void {
  for (const chunk of plan(random, start, options, null)) void chunk;
}

/**
 * The demo catalog's rows, `chunk` products at a time, computed without writing anything, their
 * pictures from `options.pictures` stored (`stored`: each one's row fields by stem).
 */
export function planCatalog(
  random: Random,
  start: CatalogStart,
  options: PlanOptions,
  stored: ReadonlyMap<string, StoredPicture>,
): Generator<CatalogChunk> {
  return plan(random, start, options, (stem: string) => {
    const found = stored.get(stem);
    if (!found) throw new Error(`the picture ${stem} was not stored`);
    return found;
  });
}

// Without `picture` (the pictures' pass) it draws the same numbers and asks for the same
// pictures, but builds no rows.
function* plan(
  random: Random,
  start: CatalogStart,
  options: PlanOptions,
  picture: ((stem: string) => StoredPicture) | null,
): Generator<CatalogChunk> {
  const { now, pictures } = options;
  const { categoryIds, brandIds } = start;
  const ids = { ...start.ids };
  let rows = emptyChunk();

  const names = productNames(random);
  for (let index = 0; index < options.products; index++) {
    const { brand, line, name } = names.next().value ?? { brand: brands[0], line: lines.phone, name: "" };
    if (!brand) throw new Error("no brands");
    const productId = ids.product++;
    const createdAt = new Date(now.getTime() - random.int(1, 540) * DAY - random.int(0, DAY));
    const statusRoll = random.next();
    const status = statusRoll < 0.95 ? "ACTIVE" : statusRoll < 0.98 ? "DRAFT" : "ARCHIVED";
    const features = random.sample(line.features, 3);
    const featured = status === "ACTIVE" && random.chance(0.06);
    const axes = chooseOptions(random, line);
    const base = roundPrice(random.int(line.price[0], line.price[1]));
    const onSale = random.chance(0.2);
    const colourAxis = axes.findIndex(({ axis }) => axis.name === "Colour");
    const drawing = (colour: string | undefined) =>
      pictures.for({ category: line.category, colour, hue: brand.hue, label: name }).stem;
    // Rows name their picture by stem; storing it (seed/index.ts) gave the file's path and widths.
    const primaryStem = drawing(axes[colourAxis]?.values[0]);
    const combos: number[][] = axes.reduce<number[][]>(
      (acc, { values }) => acc.flatMap((combo) => values.map((_, i) => [...combo, i])),
      [[]],
    );

    if (!picture) {
      // The pictures' pass: each variant's numbers, in the order the rows below draw them.
      const colours = new Set<number>();
      for (const combo of combos) {
        const stockRoll = random.next();
        if (stockRoll >= 0.1) random.next();
        if (onSale) random.next();
        const colour = combo[colourAxis];
        if (colour !== undefined && colour !== 0 && !colours.has(colour)) {
          colours.add(colour);
          drawing(axes[colourAxis]?.values[colour]);
        }
      }
      continue;
    }

    const slug = slugify(name);
    const description =
      `${name} brings ${features.join(", ")}. ` +
      `Designed by ${brand.name} for everyday use, with a two-year warranty and free returns within 30 days.`;
    const primary = picture(primaryStem);
    const product: ProductRow = {
      id: productId,
      slug,
      name,
      description,
      status,
      featured,
      seoTitle: `${name} | Shop`,
      seoDescription: description.slice(0, 155),
      categoryId: categoryIds.get(line.category) ?? null,
      brandId: brandIds.get(brand.slug) ?? null,
      publishedAt: status === "ACTIVE" ? createdAt : null,
      createdAt,
      updatedAt: createdAt,
      priceMin: 0,
      priceMax: 0,
      inStock: false,
      imagePath: primary.path,
      imageAlt: name,
      imageWidth: primary.width,
      imageHeight: primary.height,
      imageWidths: primary.widths,
      optionKeys: [],
    };
    rows.products.push(product);

    const valueIds: number[][] = axes.map(({ axis, values }, position) => {
      const optionId = ids.option++;
      rows.options.push({ id: optionId, productId, name: axis.name, position });
      return values.map((value, valuePosition) => {
        const id = ids.value++;
        rows.values.push({ id, optionId, value, position: valuePosition });
        product.optionKeys.push(`${axis.name}\u001f${value}`);
        return id;
      });
    });

    const imageIdFor = new Map<string, number>();
    rows.images.push({
      id: ids.image++,
      productId,
      path: primary.path,
      alt: name,
      width: primary.width,
      height: primary.height,
      widths: primary.widths,
      position: 0,
      createdAt,
    });

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
      const compareAtPrice = onSale ? roundPrice(price * (1.15 + random.next() * 0.15)) : null;
      const sku = `${brand.slug.slice(0, 3).toUpperCase()}-${productId}-${position + 1}`;
      rows.variants.push({
        id: variantId,
        productId,
        sku,
        title,
        price,
        compareAtPrice,
        stockOnHand: stock,
        position,
        createdAt,
        updatedAt: createdAt,
      });
      product.priceMin = position === 0 ? price : Math.min(product.priceMin, price);
      product.priceMax = position === 0 ? price : Math.max(product.priceMax, price);
      product.inStock ||= stock > 0;
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

      let imagePath = primary.path;
      const colour = colourAxis >= 0 ? labels[colourAxis] : undefined;
      if (colour && combo[colourAxis] !== 0) {
        let imageId = imageIdFor.get(colour);
        const shown = picture(drawing(colour));
        imagePath = shown.path;
        if (imageId === undefined) {
          imageId = ids.image++;
          imageIdFor.set(colour, imageId);
          rows.images.push({
            id: imageId,
            productId,
            path: shown.path,
            alt: `${name} in ${colour}`,
            width: shown.width,
            height: shown.height,
            widths: shown.widths,
            position: imageIdFor.size,
            createdAt,
          });
        }
        // The colour's picture shows every variant in that colour.
        rows.imageVariants.push({ imageId, variantId });
      }
      rows.seeded.push({
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
    if (rows.products.length === (options.chunk ?? CHUNK)) {
      yield rows;
      rows = emptyChunk();
    }
  }
  if (picture && rows.products.length > 0) yield rows;
}

/**
 * Inserts the planned catalog chunk by chunk, each planned while the database inserts the one
 * before. Returns every variant, for the orders.
 */
export async function insertCatalog(sql: SqlRunner, start: CatalogStart, chunks: Iterable<CatalogChunk>) {
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
    start.categories,
  );
  await insertRows(sql, "Brand", { id: "int", name: "text", slug: "text", updatedAt: "timestamptz" }, start.brands);
  const variants: SeededVariant[] = [];
  // The words of the products' names and descriptions, as the dictionary's trigger splits them.
  const pieces = new Set<string>();
  // The triggers that derive product columns leave them to insertChunk (migration seed_scale).
  await sql.query(`SELECT set_config('shop.product_columns', 'deferred', true)`);
  // No webhook event is queued per product and variant when no endpoint wants product events
  // (each would emit nothing at commit); the lock keeps it so until the seed commits. Events
  // pending on Product and Variant would keep their keys and indexes in place.
  await sql.exec(`LOCK TABLE "WebhookEndpoint" IN SHARE MODE`);
  const [hooks] = await sql.query<{ wanted: boolean }>(
    `SELECT shop_webhook_wanted('product.created') OR shop_webhook_wanted('product.updated') AS "wanted"`,
  );
  if (!hooks?.wanted) await sql.query(`SELECT set_config('shop.product_webhooks', 'unwanted', true)`);
  const tables = hooks?.wanted ? BULK_TABLES.filter((table) => !WEBHOOK_TABLES.includes(table)) : BULK_TABLES;
  await withKeysAndIndexesAfter(sql, tables, async () => {
    let inserting: Promise<void> = Promise.resolve();
    // Planning the next chunk (the loop's next step) overlaps the insert of the one before.
    for (const chunk of chunks) {
      await inserting;
      inserting = insertChunk(sql, chunk);
      inserting.catch(() => {}); // awaited below; only a planning error could leave it unawaited
      for (const product of chunk.products) {
        for (const piece of `${product.name} ${product.description}`.split(" ")) pieces.add(piece);
      }
      for (const variant of chunk.seeded) variants.push(variant);
    }
    await inserting;
  });
  await sql.query(
    `INSERT INTO "SearchTerm" ("term") SELECT DISTINCT w FROM unnest($1::text[]) AS p, shop_words(p) AS w ON CONFLICT DO NOTHING`,
    [[...pieces]],
  );
  await sql.query(`SELECT set_config('shop.product_columns', '', true)`);
  await sql.query(`SELECT set_config('shop.product_webhooks', '', true)`);
  // The Variant and ProductImage triggers' own refresh, once for every product, as one statement
  // each: the columns insertChunk filled in are what it computes, so it changes nothing.
  const seeded = `ARRAY(SELECT "id" FROM "Product" WHERE "id" >= ${start.ids.product} ORDER BY "id")`;
  await sql.query(`SELECT shop_refresh_product_summary(${seeded})`);
  await sql.query(`SELECT shop_refresh_product_image(${seeded})`);
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
  return variants;
}

// The catalog's tables: their foreign keys are checked and their plain indexes built once, after
// the load (withKeysAndIndexesAfter).
const BULK_TABLES = [
  "Product",
  "ProductOption",
  "ProductOptionValue",
  "Variant",
  "VariantOptionValue",
  "ProductImage",
  "ProductImageVariant",
  "InventoryMovement",
];
// Tables with deferred webhook triggers: when an endpoint wants product events, those are
// pending until the commit, and PostgreSQL alters no table with trigger events pending.
const WEBHOOK_TABLES = ["Product", "Variant"];

async function insertChunk(sql: SqlRunner, rows: CatalogChunk) {
  // A product arrives with every column the triggers derive (they wait while shop.product_columns
  // is 'deferred'; the seed's test compares): its search documents and brand columns as
  // shop_product_search_title/_vector and shop_product_card_brand compute them, its card columns
  // from its variants and primary image (planned with it), its option keys sorted by the
  // database, as shop_option_keys sorts them.
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
      priceMin: "int",
      priceMax: "int",
      inStock: "bool",
      imagePath: "text",
      imageAlt: "text",
      imageWidth: "int",
      imageHeight: "int",
      imageWidths: "int[]",
      optionKeys: "text[]",
    },
    rows.products,
    {
      select: { optionKeys: (keys) => `ARRAY(SELECT k FROM unnest(${keys}) AS k ORDER BY k)` },
      computed: {
        brandName: `b."name"`,
        brandSlug: `b."slug"`,
        searchTitle: `d."title"`,
        searchVector: `d."title" || shop_product_search_description(t."description")`,
      },
      joins: `LEFT JOIN "Brand" b ON b."id" = t."brandId" LEFT JOIN "Category" c ON c."id" = t."categoryId",
        LATERAL (SELECT setweight(to_tsvector('english', COALESCE(t."name", '')), 'A')
                     || setweight(to_tsvector('english', COALESCE(b."name", '')), 'B')
                     || setweight(to_tsvector('english', COALESCE(c."name", '')), 'C') AS "title") d`,
    },
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
    rows.images,
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
}
