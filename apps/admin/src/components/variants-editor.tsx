import { Button, TableScroll } from "@shop/ui";
import type { FieldErrors } from "@shop/validators/form-errors";
import { MAX_PRODUCT_OPTIONS } from "@shop/validators/limits";
import { useId, type InputHTMLAttributes } from "react";
import { Link } from "react-router";
import { generateVariants, type ProductForm, type VariantRow } from "../lib/product-form.ts";

const input = "min-h-9 w-full rounded border border-line px-2 text-sm";

/** A compact input whose message sits under it, linked so a screen reader reads it with the field. */
function CellInput({ error, ...props }: InputHTMLAttributes<HTMLInputElement> & { error?: string }) {
  const id = useId();
  return (
    <>
      <input
        {...props}
        className={`${input} ${error ? "border-red-700" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? id : undefined}
      />
      {error && (
        <span id={id} className="mt-1 block text-xs text-red-700">
          {error}
        </span>
      )}
    </>
  );
}

/** Option axes (values comma-separated) and one editable row per variant. */
export function VariantsEditor({
  form,
  setForm,
  errors,
}: {
  form: ProductForm;
  setForm: (next: ProductForm) => void;
  /** Keyed by path (`variants.1.price`), already naming their variant. */
  errors: FieldErrors;
}) {
  const setVariant = (index: number, patch: Partial<VariantRow>) =>
    setForm({
      ...form,
      variants: form.variants.map((variant, i) => (i === index ? { ...variant, ...patch } : variant)),
    });
  return (
    <section aria-labelledby="variants-title" className="rounded-lg border border-line p-4">
      <h2 id="variants-title" className="mb-3 font-semibold">
        Options and variants
      </h2>
      {form.options.map((option, index) => (
        <div
          key={index}
          className="mb-2 grid grid-cols-1 items-end justify-items-start gap-2 sm:justify-items-stretch sm:grid-cols-[10rem_minmax(0,1fr)_auto]"
        >
          <label className="w-full text-sm">
            Option name
            <CellInput
              error={errors[`options.${index}.name`]}
              value={option.name}
              onChange={(e) =>
                setForm({
                  ...form,
                  options: form.options.map((o, i) => (i === index ? { ...o, name: e.target.value } : o)),
                })
              }
            />
          </label>
          <label className="w-full text-sm">
            Values (comma-separated)
            <CellInput
              error={errors[`options.${index}.values`] ?? errors[`options.${index}.values.0`]}
              value={option.values}
              onChange={(e) =>
                setForm({
                  ...form,
                  options: form.options.map((o, i) => (i === index ? { ...o, values: e.target.value } : o)),
                })
              }
            />
          </label>
          <Button
            variant="ghost"
            onClick={() => setForm({ ...form, options: form.options.filter((_, i) => i !== index) })}
          >
            Remove
          </Button>
        </div>
      ))}
      <div className="mb-4 flex gap-2">
        {form.options.length < MAX_PRODUCT_OPTIONS && (
          <Button
            variant="secondary"
            onClick={() => setForm({ ...form, options: [...form.options, { name: "", values: "" }] })}
          >
            Add option
          </Button>
        )}
        <Button variant="secondary" onClick={() => setForm({ ...form, variants: generateVariants(form) })}>
          Generate variants
        </Button>
      </div>
      <TableScroll label="Variants">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="text-xs uppercase text-muted">
            <tr>
              <th className="p-1">Options</th>
              <th className="p-1">SKU</th>
              <th className="p-1">Price</th>
              <th className="p-1">Compare-at</th>
              <th className="p-1">Stock</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {form.variants.map((variant, index) => (
              <tr key={index} data-testid="variant-row">
                <td className="p-1 align-top">
                  {variant.optionValues.join(" / ") || "—"}
                  {errors[`variants.${index}.optionValues`] && (
                    <span role="alert" className="mt-1 block text-xs text-red-700">
                      {errors[`variants.${index}.optionValues`]}
                    </span>
                  )}
                </td>
                <td className="p-1 align-top">
                  <CellInput
                    error={errors[`variants.${index}.sku`]}
                    aria-label={`SKU of variant ${index + 1}`}
                    value={variant.sku}
                    onChange={(e) => setVariant(index, { sku: e.target.value })}
                  />
                </td>
                <td className="p-1 align-top">
                  <CellInput
                    error={errors[`variants.${index}.price`]}
                    aria-label={`Price of variant ${index + 1}`}
                    inputMode="decimal"
                    value={variant.price}
                    onChange={(e) => setVariant(index, { price: e.target.value })}
                  />
                </td>
                <td className="p-1 align-top">
                  <CellInput
                    error={errors[`variants.${index}.compareAtPrice`]}
                    aria-label={`Compare-at price of variant ${index + 1}`}
                    inputMode="decimal"
                    value={variant.compareAtPrice}
                    onChange={(e) => setVariant(index, { compareAtPrice: e.target.value })}
                  />
                </td>
                <td className="p-1 align-top">
                  <CellInput
                    error={errors[`variants.${index}.stockOnHand`]}
                    aria-label={`Stock of variant ${index + 1}`}
                    inputMode="numeric"
                    value={variant.stockOnHand}
                    onChange={(e) => setVariant(index, { stockOnHand: e.target.value })}
                  />
                </td>
                <td className="p-1 align-top whitespace-nowrap">
                  {variant.id !== undefined && (
                    <Link
                      to={`/inventory/${variant.id}`}
                      className="mr-1 text-sm text-brand-700 underline"
                      aria-label={`Stock and history of variant ${index + 1}`}
                    >
                      Stock
                    </Link>
                  )}
                  <Button
                    variant="ghost"
                    disabled={form.variants.length === 1}
                    onClick={() => setForm({ ...form, variants: form.variants.filter((_, i) => i !== index) })}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {(errors.variants ?? errors.options) && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errors.variants ?? errors.options}
        </p>
      )}
      {form.options.length === 0 && (
        <Button
          variant="ghost"
          className="mt-2"
          onClick={() =>
            setForm({
              ...form,
              variants: [
                ...form.variants,
                { sku: "", price: "", compareAtPrice: "", stockOnHand: "0", optionValues: [] },
              ],
            })
          }
        >
          Add variant
        </Button>
      )}
    </section>
  );
}
