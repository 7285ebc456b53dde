import { z } from "zod";
import { ProductStatusSchema } from "./catalog.ts";
import { IdSchema, SlugSchema } from "./common.ts";
import { MAX_PRODUCT_OPTIONS } from "./limits.ts";

const Text = (max: number, message = `At most ${max} characters`) => z.string().trim().max(max, message);
const OptionText = z.string().trim().min(1, "Fill this in").max(60, "Use at most 60 characters");
/** A price typed in the editor: an empty or malformed one arrives as NaN. */
const PriceSchema = (what: string) =>
  z
    .number({ error: `Enter ${what}, like 19.99` })
    .int()
    .min(0, `Enter ${what}, like 19.99`)
    .max(100_000_000, `Enter ${what} below 1,000,000`);

export const SkuSchema = z
  .string()
  .trim()
  .min(1, "Enter a SKU")
  .max(64, "Use at most 64 characters in the SKU")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use only letters, digits, dots, dashes and underscores in the SKU");

export const StockSchema = z
  .number({ error: "Enter the units in stock, as a whole number" })
  .int("Enter the units in stock, as a whole number")
  .min(0, "Enter the units in stock: 0 or more")
  .max(1_000_000, "Enter at most 1,000,000 units");

export const VariantInputSchema = z
  .object({
    id: IdSchema.optional(),
    sku: SkuSchema,
    price: PriceSchema("a price").refine((price) => price > 0, "Enter a price above zero"),
    compareAtPrice: PriceSchema("a compare-at price").nullable().default(null),
    stockOnHand: StockSchema,
    /**
     * The on-hand level the editor showed. When given, the edit is applied as the difference
     * from it, so units sold or restocked since the form was opened are not undone.
     */
    stockOnHandLoaded: StockSchema.optional(),
    /** One value per product option, in the options' order. */
    optionValues: z.array(OptionText).max(MAX_PRODUCT_OPTIONS).default([]),
  })
  .strict();
export type VariantInput = z.input<typeof VariantInputSchema>;

export const ProductOptionInputSchema = z
  .object({ name: OptionText, values: z.array(OptionText).min(1, "Add at least one value").max(50) })
  .strict();

/** A product tag: lower-case words joined by hyphens, so "Summer Sale" and "summer-sale" are one tag. */
export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((tag) => tag.replace(/\s+/g, "-"))
  .pipe(
    z
      .string()
      .min(1, "Enter a tag")
      .max(40, "Use at most 40 characters in a tag")
      .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, "Use letters, digits and single hyphens in tags"),
  );
export const MAX_PRODUCT_TAGS = 20;
const TagsSchema = z
  .array(TagSchema)
  .max(MAX_PRODUCT_TAGS, `Use at most ${MAX_PRODUCT_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);

/** Tags to add to a selection: at least one. */
export const TagListSchema = TagsSchema.refine((tags) => tags.length > 0, "Enter at least one tag");

const productFields = {
  name: z.string().trim().min(1, "Enter a name").max(200, "At most 200 characters"),
  slug: SlugSchema,
  description: Text(10_000).default(""),
  status: ProductStatusSchema.default("DRAFT"),
  featured: z.boolean().default(false),
  seoTitle: Text(70, "At most 70 characters (search engines cut longer titles)").nullable().default(null),
  seoDescription: Text(160, "At most 160 characters").nullable().default(null),
  categoryId: IdSchema.nullable().default(null),
  brandId: IdSchema.nullable().default(null),
  tags: TagsSchema.default([]),
  options: z
    .array(ProductOptionInputSchema)
    .max(MAX_PRODUCT_OPTIONS, `At most ${MAX_PRODUCT_OPTIONS} options`)
    .default([]),
  variants: z.array(VariantInputSchema).min(1, "Add at least one variant").max(100),
};

type ProductShape = {
  options: Array<{ name: string; values: string[] }>;
  variants: Array<{ sku: string; price: number; compareAtPrice: number | null; optionValues: string[] }>;
};

/** Rules across fields: every variant picks one value of each option, combinations and SKUs are unique. */
function checkVariants(product: ProductShape, ctx: z.RefinementCtx) {
  const names = new Set<string>();
  product.options.forEach((option, index) => {
    if (names.has(option.name.toLowerCase()))
      ctx.addIssue({
        code: "custom",
        path: ["options", index, "name"],
        message: "Use another name: an option of this product has it already",
      });
    names.add(option.name.toLowerCase());
    if (new Set(option.values).size !== option.values.length)
      ctx.addIssue({ code: "custom", path: ["options", index, "values"], message: "Use each value once" });
  });
  const combos = new Set<string>();
  const skus = new Set<string>();
  product.variants.forEach((variant, index) => {
    const path = ["variants", index];
    if (variant.optionValues.length !== product.options.length) {
      ctx.addIssue({ code: "custom", path: [...path, "optionValues"], message: "Choose a value for every option" });
    } else if (variant.optionValues.some((value, axis) => !product.options[axis]?.values.includes(value))) {
      ctx.addIssue({ code: "custom", path: [...path, "optionValues"], message: "Choose one of the option's values" });
    }
    const combo = JSON.stringify(variant.optionValues);
    if (combos.has(combo))
      ctx.addIssue({
        code: "custom",
        path: [...path, "optionValues"],
        message: "Choose other options: another variant has these",
      });
    combos.add(combo);
    if (skus.has(variant.sku.toLowerCase()))
      ctx.addIssue({
        code: "custom",
        path: [...path, "sku"],
        message: "Use another SKU: a variant of this product has it already",
      });
    skus.add(variant.sku.toLowerCase());
    if (variant.compareAtPrice !== null && variant.compareAtPrice <= variant.price) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "compareAtPrice"],
        message: "Enter a compare-at price above the price, or leave it empty",
      });
    }
  });
}

export const ProductCreateSchema = z.object(productFields).strict().superRefine(checkVariants);
export type ProductCreateInput = z.input<typeof ProductCreateSchema>;

export const ProductUpdateSchema = z
  .object({ id: IdSchema, ...productFields })
  .strict()
  .superRefine(checkVariants);
export type ProductUpdateInput = z.input<typeof ProductUpdateSchema>;

const bulkIds = z.array(IdSchema).min(1, "Select at least one product").max(500);

/** A status or flag for every selected product, or one category for all of them (null: none). */
export const ProductBulkActionSchema = z.discriminatedUnion("action", [
  z.object({ ids: bulkIds, action: z.enum(["publish", "unpublish", "archive", "feature", "unfeature"]) }).strict(),
  z.object({ ids: bulkIds, action: z.literal("setCategory"), categoryId: IdSchema.nullable() }).strict(),
  z.object({ ids: bulkIds, action: z.literal("addTags"), tags: TagListSchema }).strict(),
]);

export { ImageUploadMetaSchema, ImageUploadSchema, imageUploadBody, MAX_IMAGE_BYTES } from "./image-upload.ts";
export type { ImageUploadMeta } from "./image-upload.ts";

/** The product's images in their new order (the first is the primary); images left out are deleted. */
export const ImagesUpdateSchema = z
  .object({
    productId: IdSchema,
    images: z
      .array(
        z
          .object({
            id: IdSchema,
            alt: Text(200),
            /** The variants the image shows; none: the whole product. */
            variantIds: z.array(IdSchema).max(100).default([]),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();

export const CategoryCreateSchema = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(100),
    slug: SlugSchema,
    description: Text(500).nullable().default(null),
    parentId: IdSchema.nullable().default(null),
  })
  .strict();
export const CategoryUpdateSchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1, "Enter a name").max(100),
    slug: SlugSchema,
    description: Text(500).nullable().default(null),
  })
  .strict();
/** Moves a category under `parentId` (null: top level) at `position` among its new siblings. */
export const CategoryMoveSchema = z
  .object({ id: IdSchema, parentId: IdSchema.nullable(), position: z.number().int().min(0).max(10_000) })
  .strict();

export const BrandCreateSchema = z
  .object({ name: z.string().trim().min(1, "Enter a name").max(100), slug: SlugSchema })
  .strict();
export const BrandUpdateSchema = z
  .object({ id: IdSchema, name: z.string().trim().min(1, "Enter a name").max(100), slug: SlugSchema })
  .strict();

export const IdInputSchema = z.object({ id: IdSchema }).strict();
