import type { RouterOutputs } from "@shop/api";

type Product = RouterOutputs["catalog"]["get"];

/** The variant whose option values are exactly `chosen` (one value id per option), if any. */
export function findVariant(product: Product, chosen: Array<number | undefined>) {
  if (chosen.some((id) => id === undefined)) return null;
  return (
    product.variants.find((variant) => chosen.every((id) => id !== undefined && variant.optionValueIds.includes(id))) ??
    null
  );
}

/**
 * One row of buttons per option. A value that, with the other choices, makes no variant or
 * only an unavailable one is shown struck through (still selectable, so shoppers see why).
 */
export function VariantPicker({
  product,
  chosen,
  onChoose,
}: {
  product: Product;
  chosen: Array<number | undefined>;
  onChoose: (axis: number, valueId: number) => void;
}) {
  return (
    <div className="flex flex-col gap-4">
      {product.options.map((option, axis) => (
        <fieldset key={option.id}>
          <legend className="mb-2 text-sm font-medium">
            {option.name}:{" "}
            <span className="text-muted">
              {option.values.find((value) => value.id === chosen[axis])?.value ?? "choose"}
            </span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {option.values.map((value) => {
              const trial = chosen.map((id, i) => (i === axis ? value.id : id));
              const candidates = product.variants.filter((variant) =>
                trial.every((id) => id === undefined || variant.optionValueIds.includes(id)),
              );
              const unavailable = !candidates.some((variant) => variant.available);
              const selected = chosen[axis] === value.id;
              return (
                <button
                  key={value.id}
                  type="button"
                  aria-pressed={selected}
                  aria-label={`${value.value}${unavailable ? " (unavailable)" : ""}`}
                  onClick={() => onChoose(axis, value.id)}
                  className={`min-h-10 rounded-md border px-3 text-sm ${selected ? "border-brand-600 bg-brand-50 font-semibold" : "border-line"} ${unavailable ? "text-muted line-through" : ""}`}
                >
                  {value.value}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
