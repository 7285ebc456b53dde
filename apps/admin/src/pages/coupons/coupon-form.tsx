import type { RouterInputs } from "@shop/api";
import { isClientError, useFieldErrors } from "@shop/client";
import { Button, FormMessage, TextField } from "@shop/ui";
import { CouponInputSchema } from "@shop/validators";
import { useState, type FormEvent } from "react";
import { RecordPicker } from "../../components/record-picker.tsx";
import { useStaff } from "../../lib/me.ts";
import { couponInput, type CouponForm, type CouponType } from "./form-state.ts";

type CouponData = RouterInputs["admin"]["coupons"]["create"];
const types: Array<[CouponType, string]> = [
  ["PERCENTAGE", "Percentage off"],
  ["FIXED_AMOUNT", "Fixed amount off"],
  ["FREE_SHIPPING", "Free shipping"],
];
const isType = (value: string): value is CouponType => types.some(([type]) => type === value);

/** Create and edit: validated with the API's own schema, server errors shown beside their fields. */
export function CouponFormView({
  initial,
  currency,
  submitLabel,
  onSave,
  showActive = true,
}: {
  initial: CouponForm;
  currency: string;
  submitLabel: string;
  onSave: (coupon: CouponData) => Promise<unknown>;
  /** Off when editing: the page's own toggle activates and deactivates. */
  showActive?: boolean;
}) {
  const staff = useStaff();
  const form = useFieldErrors();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const text = (name: Exclude<keyof CouponForm, "type" | "active" | "productIds" | "categoryIds">) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    error: form.errors[name],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { input, problems } = couponInput(values, currency);
    const coupon = form.validate(CouponInputSchema, input);
    for (const [field, message] of Object.entries(problems)) form.set(field, message);
    if (!coupon || Object.keys(problems).length > 0) return;
    setPending(true);
    try {
      await onSave(coupon);
    } catch (error) {
      form.fromServer(error);
      // Only admins set usage limits: say so beside the limit, not only at the top.
      if (isClientError(error) && error.data?.code === "FORBIDDEN") form.set("usageLimit", error.message);
    } finally {
      setPending(false);
    }
  }

  const admin = staff.role === "ADMIN";
  const limitNote = admin
    ? "Leave empty for no limit."
    : "Only an admin can set or change usage limits: ask one, or leave them as they are. The shop refuses the change from staff.";
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="max-w-3xl space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Code"
          autoComplete="off"
          hint="Letters, digits, - and _; stored in capitals."
          {...text("code")}
        />
        <TextField label="Description (staff only)" {...text("description")} />
        <div className="text-sm">
          <label htmlFor="coupon-type" className="block font-medium">
            Discount type
          </label>
          <select
            id="coupon-type"
            value={values.type}
            onChange={(event) => {
              const type = event.target.value;
              if (isType(type)) setValues((current) => ({ ...current, type }));
            }}
            className="mt-1 block min-h-10 w-full rounded-md border border-line bg-surface px-3"
          >
            {types.map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {values.type !== "FREE_SHIPPING" && (
          <TextField
            label={values.type === "PERCENTAGE" ? "Percent off" : `Amount off (${currency})`}
            inputMode="decimal"
            {...text("value")}
          />
        )}
        <TextField
          label={`Minimum subtotal (${currency})`}
          inputMode="decimal"
          hint="Optional."
          {...text("minSubtotal")}
        />
        <div />
        <TextField label="Starts" type="datetime-local" hint="Optional; your local time." {...text("startsAt")} />
        <TextField label="Ends" type="datetime-local" hint="Optional." {...text("endsAt")} />
      </div>
      <fieldset className="rounded-md border border-line p-4">
        <legend className="px-1 text-sm font-medium">Usage limits</legend>
        <p className="mb-3 text-sm text-muted">{limitNote}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Total uses"
            inputMode="numeric"
            hint={admin ? "Optional." : "Admins only."}
            {...text("usageLimit")}
          />
          <TextField
            label="Uses per customer"
            inputMode="numeric"
            hint={admin ? "Optional." : "Admins only."}
            {...text("perCustomerLimit")}
          />
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-line p-4">
        <legend className="px-1 text-sm font-medium">Applies to</legend>
        <p className="mb-3 text-sm text-muted">Leave both empty for the whole catalog.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {(["productIds", "categoryIds"] as const).map((field) => (
            <RecordPicker
              key={field}
              kind={field === "productIds" ? "products" : "categories"}
              label={field === "productIds" ? "Products" : "Categories"}
              value={values[field]}
              onChange={(ids) => setValues((current) => ({ ...current, [field]: ids }))}
              error={form.errors[field]}
            />
          ))}
        </div>
      </fieldset>
      {showActive && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={values.active}
            onChange={(event) => setValues((current) => ({ ...current, active: event.target.checked }))}
          />
          Active (shoppers can use it)
        </label>
      )}
      <FormMessage error={form.errors.form ?? form.errors.coupon} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
