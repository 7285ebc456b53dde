import { z } from "zod";
import { ProductStatusSchema } from "./catalog.ts";
import { IdSchema, MinorUnitsSchema, SlugSchema } from "./common.ts";
import { MAX_PRODUCT_OPTIONS } from "./limits.ts";

const Text = (max: number, message = `At most ${max} characters`) => z.string().trim().max(max, message);
const OptionText = z.string().trim().min(1, "Required").max(60, "At most 60 characters");

export const SkuSchema = z
  .string()
  .trim()
  .min(1, "Enter a SKU")
  .max(64, "At most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, dots, dashes and underscores");

export const StockSchema = z.number().int("Whole units").min(0, "Cannot be negative").max(1_000_000);

export const VariantInputSchema = z
  .object({
    id: IdSchema.optional(),
    sku: SkuSchema,
    price: MinorUnitsSchema.refine((price) => price > 0, "Enter a price above zero"),
    compareAtPrice: MinorUnitsSchema.nullable().default(null),
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
      ctx.addIssue({ code: "custom", path: ["options", index, "name"], message: "Option names must differ" });
    names.add(option.name.toLowerCase());
    if (new Set(option.values).size !== option.values.length)
      ctx.addIssue({ code: "custom", path: ["options", index, "values"], message: "Values must differ" });
  });
  const combos = new Set<string>();
  const skus = new Set<string>();
  product.variants.forEach((variant, index) => {
    const path = ["variants", index];
    if (variant.optionValues.length !== product.options.length) {
      ctx.addIssue({ code: "custom", path: [...path, "optionValues"], message: "Choose a value for every option" });
    } else if (variant.optionValues.some((value, axis) => !product.options[axis]?.values.includes(value))) {
      ctx.addIssue({ code: "custom", path: [...path, "optionValues"], message: "Not one of the option's values" });
    }
    const combo = JSON.stringify(variant.optionValues);
    if (combos.has(combo))
      ctx.addIssue({ code: "custom", path: [...path, "optionValues"], message: "Two variants have the same options" });
    combos.add(combo);
    if (skus.has(variant.sku.toLowerCase()))
      ctx.addIssue({ code: "custom", path: [...path, "sku"], message: "SKUs must be unique" });
    skus.add(variant.sku.toLowerCase());
    if (variant.compareAtPrice !== null && variant.compareAtPrice <= variant.price) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "compareAtPrice"],
        message: "Compare-at price must be above the price",
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
]);

export { ImageUploadMetaSchema, ImageUploadSchema, imageUploadBody, MAX_IMAGE_BYTES } from "./image-upload.ts";
export type { ImageUploadMeta } from "./image-upload.ts";

/** The product's images in their new order (the first is the primary); images left out are deleted. */
export const ImagesUpdateSchema = z
  .object({
    productId: IdSchema,
    images: z.array(z.object({ id: IdSchema, alt: Text(200) }).strict()).max(50),
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
