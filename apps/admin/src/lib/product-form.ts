import type { RouterOutputs } from "@shop/api";
import {
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  MoneyCellSchema,
  nameRows,
  ProductCreateSchema,
  type FieldErrors,
  type ProductCreateInput,
} from "@shop/validators";

type Product = RouterOutputs["admin"]["products"]["get"];
/** `stockOnHandLoaded`: the level shown when the form opened; the server applies the difference. */
export type VariantRow = {
  id?: number;
  sku: string;
  price: string;
  compareAtPrice: string;
  stockOnHand: string;
  stockOnHandLoaded?: number;
  optionValues: string[];
};
export type ProductForm = {
  name: string;
  slug: string;
  description: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  featured: boolean;
  seoTitle: string;
  seoDescription: string;
  categoryId: string;
  brandId: string;
  /** As typed: comma-separated. */
  tags: string;
  /** Values as typed: comma-separated. */
  options: Array<{ name: string; values: string }>;
  variants: VariantRow[];
};

export const emptyForm = (): ProductForm => ({
  name: "",
  slug: "",
  description: "",
  status: "DRAFT",
  featured: false,
  seoTitle: "",
  seoDescription: "",
  categoryId: "",
  brandId: "",
  tags: "",
  options: [],
  variants: [{ sku: "", price: "", compareAtPrice: "", stockOnHand: "0", optionValues: [] }],
});

const money = (minor: number | null) =>
  minor === null ? "" : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

export function formFromProduct(product: Product): ProductForm {
  return {
    name: product.name,
    slug: product.slug,
    description: product.description,
    status: product.status,
    featured: product.featured,
    seoTitle: product.seoTitle ?? "",
    seoDescription: product.seoDescription ?? "",
    categoryId: product.categoryId === null ? "" : String(product.categoryId),
    brandId: product.brandId === null ? "" : String(product.brandId),
    tags: product.tags.join(", "),
    options: product.options.map((option) => ({ name: option.name, values: option.values.join(", ") })),
    variants: product.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      price: money(variant.price),
      compareAtPrice: money(variant.compareAtPrice),
      stockOnHand: String(variant.stockOnHand),
      stockOnHandLoaded: variant.stockOnHand,
      optionValues: variant.optionValues,
    })),
  };
}

export const splitValues = (text: string) =>
  text
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
const toMinor = (text: string) => {
  const parsed = MoneyCellSchema.safeParse(text);
  return parsed.success ? parsed.data : Number.NaN;
};

/** The API input the form describes (validated with the API's own schema before sending). */
export function inputFromForm(form: ProductForm): ProductCreateInput {
  return {
    name: form.name,
    slug: form.slug,
    description: form.description,
    status: form.status,
    featured: form.featured,
    seoTitle: form.seoTitle.trim() || null,
    seoDescription: form.seoDescription.trim() || null,
    categoryId: form.categoryId ? Number(form.categoryId) : null,
    brandId: form.brandId ? Number(form.brandId) : null,
    tags: splitValues(form.tags),
    options: form.options.map((option) => ({ name: option.name, values: splitValues(option.values) })),
    variants: form.variants.map((variant) => ({
      ...(variant.id !== undefined && { id: variant.id }),
      sku: variant.sku,
      price: toMinor(variant.price),
      compareAtPrice: variant.compareAtPrice.trim() ? toMinor(variant.compareAtPrice) : null,
      stockOnHand: Number(variant.stockOnHand),
      ...(variant.stockOnHandLoaded !== undefined && { stockOnHandLoaded: variant.stockOnHandLoaded }),
      optionValues: variant.optionValues,
    })),
  };
}

/** Who a variant's or option's message is about: "the Black / 128 GB variant", "the Colour option". */
export function nameProductRows(form: ProductForm, errors: FieldErrors): FieldErrors {
  const variant = (index: number) => {
    const title = form.variants[index]?.optionValues.filter(Boolean).join(" / ");
    if (title) return `the ${title} variant`;
    return form.variants.length === 1 ? "the product" : `variant ${index + 1}`;
  };
  const option = (index: number) => {
    const name = form.options[index]?.name.trim();
    return name ? `the ${name} option` : `option ${index + 1}`;
  };
  return nameRows(nameRows(errors, "variants", variant), "options", option);
}

/** The form's problems, each keyed by its field's path and naming its variant or option. */
export function formErrors(form: ProductForm): FieldErrors {
  const result = ProductCreateSchema.safeParse(inputFromForm(form));
  return result.success ? {} : nameProductRows(form, fieldErrorsFromIssues(result.error.issues));
}

/** A server's answer placed the same way (a taken URL handle on `slug`, a taken SKU on its variant). */
export const serverErrors = (form: ProductForm, error: unknown): FieldErrors =>
  nameProductRows(form, fieldErrorsFromApi(error));

/** One row per combination of option values, keeping rows that already exist. */
export function generateVariants(form: ProductForm): VariantRow[] {
  const axes = form.options.map((option) => splitValues(option.values));
  const combos = axes.reduce<string[][]>(
    (acc, values) => acc.flatMap((combo) => values.map((value) => [...combo, value])),
    [[]],
  );
  return combos.map((combo) => {
    const existing = form.variants.find((variant) => JSON.stringify(variant.optionValues) === JSON.stringify(combo));
    const base = form.slug.toUpperCase() || "SKU";
    return (
      existing ?? {
        sku: [base, ...combo].join("-").replace(/[^A-Za-z0-9._-]+/g, "-"),
        price: form.variants[0]?.price ?? "",
        compareAtPrice: "",
        stockOnHand: "0",
        optionValues: combo,
      }
    );
  });
}

export const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 120);
