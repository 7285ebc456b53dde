import { Button, TextField } from "@shop/ui";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { parseMoney } from "../../lib/money.ts";
import { fulfillmentLabels, paymentLabels, stateLabels } from "@shop/client";
import { FulfillmentStatusFilterSchema, OrderStateFilterSchema, PaymentStatusFilterSchema } from "@shop/validators";
import { filterParams } from "./list-input.ts";

const selectClass = "mt-1 block min-h-10 rounded-md border border-line bg-surface px-3";

function StatusSelect({
  name,
  label,
  value,
  options,
  any = "Any",
}: {
  name: string;
  label: string;
  value: string | null;
  options: Array<[string, string]>;
  /** What the empty choice means. */
  any?: string;
}) {
  return (
    <div className="w-full text-sm sm:w-auto">
      <label htmlFor={`order-${name}`} className="block font-medium">
        {label}
      </label>
      <select
        id={`order-${name}`}
        name={name}
        defaultValue={value ?? ""}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className={`${selectClass} w-full`}
      >
        <option value="">{any}</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filter form. It is uncontrolled and keyed by the URL, so back and forward refill it. */
export function OrderFilters({
  params,
  currency,
  onApply,
}: {
  params: URLSearchParams;
  currency: string | undefined;
  onApply: (next: URLSearchParams) => void;
}) {
  const [errors, setErrors] = useState<{ min?: string; max?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of filterParams) {
      const value = key === "customerId" ? params.get(key) : data.get(key);
      if (typeof value === "string" && value.trim()) next.set(key, value.trim());
    }
    const bad = (key: "min" | "max") => {
      const text = next.get(key);
      return text && currency && Number.isNaN(parseMoney(text, currency))
        ? "Enter an amount, e.g. 25 or 19.99"
        : undefined;
    };
    const problems = { min: bad("min"), max: bad("max") };
    setErrors(problems);
    if (!problems.min && !problems.max) onApply(next);
  }

  return (
    <form
      role="search"
      aria-label="Filter orders"
      noValidate
      onSubmit={submit}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <TextField
        label="Number or email"
        name="q"
        type="search"
        defaultValue={params.get("q") ?? ""}
        placeholder="#1042"
        className="w-full sm:w-64"
      />
      <StatusSelect
        name="payment"
        label="Payment"
        value={params.get("payment")}
        options={PaymentStatusFilterSchema.options.map((value) => [value, paymentLabels[value]])}
      />
      <StatusSelect
        name="fulfillment"
        label="Fulfilment"
        value={params.get("fulfillment")}
        options={FulfillmentStatusFilterSchema.options.map((value) => [value, fulfillmentLabels[value]])}
      />
      <StatusSelect
        name="state"
        label="State"
        value={params.get("state")}
        options={OrderStateFilterSchema.options.map((value) => [value, stateLabels[value]])}
      />
      <StatusSelect
        name="archived"
        label="Archived"
        any="Hidden"
        value={params.get("archived")}
        options={[
          ["only", "Only archived"],
          ["all", "Shown too"],
        ]}
      />
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="attempts"
          value="1"
          defaultChecked={params.get("attempts") === "1"}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
          className="size-4"
        />
        Include unpaid and failed payment attempts
      </label>
      <TextField
        label="Placed from"
        name="from"
        type="date"
        defaultValue={params.get("from") ?? ""}
        className="w-full sm:w-44"
      />
      <TextField
        label="Placed to"
        name="to"
        type="date"
        defaultValue={params.get("to") ?? ""}
        className="w-full sm:w-44"
      />
      <TextField
        label={`Total from${currency ? ` (${currency})` : ""}`}
        name="min"
        inputMode="decimal"
        defaultValue={params.get("min") ?? ""}
        error={errors.min}
        className="w-full sm:w-36"
      />
      <TextField
        label={`Total up to${currency ? ` (${currency})` : ""}`}
        name="max"
        inputMode="decimal"
        defaultValue={params.get("max") ?? ""}
        error={errors.max}
        className="w-full sm:w-36"
      />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {[...params.keys()].length > 0 && (
          <Link to="/orders" className="inline-flex min-h-10 items-center px-2 text-sm text-brand-700 underline">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
