import { useAddressFormat, useCountries } from "@shop/client";
import { SelectField, TextField } from "@shop/ui";
import type { AddressFieldName, CountryRules } from "@shop/validators";
import { useState } from "react";

const fieldNames = [
  "fullName",
  "company",
  "line1",
  "line2",
  "city",
  "region",
  "postalCode",
  "country",
  "phone",
] as const satisfies readonly AddressFieldName[];

/** Until the first country's rules arrive: the most common layout. */
const fallbackLayout: AddressFieldName[][] = [
  ["fullName"],
  ["company"],
  ["line1"],
  ["line2"],
  ["city", "region", "postalCode"],
];

const autoComplete: Record<AddressFieldName, string> = {
  fullName: "name",
  company: "organization",
  line1: "address-line1",
  line2: "address-line2",
  city: "address-level2",
  region: "address-level1",
  postalCode: "postal-code",
  country: "country",
  phone: "tel",
};

// Six columns: a row of one field spans all, of two half each, of three a third each.
const spans = ["sm:col-span-6", "sm:col-span-6", "sm:col-span-3", "sm:col-span-2"];

function labelOf(field: AddressFieldName, rules: CountryRules | undefined) {
  const base = {
    fullName: "Full name",
    company: "Company",
    line1: "Street address",
    line2: "Apartment, suite",
    city: rules?.labels.city ?? "City",
    region: rules?.labels.region ?? "State or region",
    postalCode: rules?.labels.postalCode ?? "Postal code",
    country: "Country",
    phone: "Phone",
  }[field];
  const required = field === "fullName" || field === "line1" || field === "country" || rules?.required.includes(field);
  return required ? base : `${base} (optional)`;
}

export type AddressInitial = Partial<Record<AddressFieldName, string | null>>;

/**
 * The address inputs of a country: a country select first, then that country's fields in its
 * order, with its labels, its regions as a select and its required fields (from the address
 * library, through the API). Inputs are named `<prefix><field>` so errors map back by path.
 */
export function AddressFields({
  initial,
  errors,
  prefix = "",
  onChange,
}: {
  initial?: AddressInitial;
  errors: Partial<Record<string, string | undefined>>;
  prefix?: string;
  onChange?: (name: AddressFieldName, value: string) => void;
}) {
  const [country, setCountry] = useState(initial?.country ?? "US");
  const countries = useCountries();
  const format = useAddressFormat(country);
  const rules = format.data?.code === country ? format.data : undefined;
  // Keep the last country's layout while the next one loads: typed values stay in place.
  const [shown, setShown] = useState<CountryRules | undefined>(rules);
  if (rules && rules !== shown) setShown(rules);
  const layout = shown?.layout ?? fallbackLayout;
  const input = (field: AddressFieldName, span: string) => {
    const common = {
      label: labelOf(field, shown),
      name: `${prefix}${field}`,
      autoComplete: autoComplete[field],
      error: errors[field],
      className: span,
    };
    if (field === "region" && shown?.regions.length) {
      return (
        <SelectField
          key={`${field}-${shown.code}`}
          {...common}
          options={shown.regions}
          placeholder={`Choose a ${shown.labels.region.toLowerCase()}`}
          defaultValue={initial?.country === shown.code ? (initial.region ?? "") : ""}
          onChange={(event) => onChange?.(field, event.target.value)}
        />
      );
    }
    return (
      <TextField
        key={field}
        {...common}
        defaultValue={initial?.[field] ?? ""}
        placeholder={field === "postalCode" && shown?.postalExample ? shown.postalExample : undefined}
        onChange={(event) => onChange?.(field, event.target.value)}
      />
    );
  };
  return (
    <div className="grid gap-4 sm:grid-cols-6">
      <SelectField
        label="Country"
        name={`${prefix}country`}
        autoComplete="country"
        value={country}
        error={errors.country}
        className="sm:col-span-6"
        options={countries.data?.map((c) => ({ value: c.code, label: c.name })) ?? [{ value: country, label: country }]}
        onChange={(event) => {
          setCountry(event.target.value);
          onChange?.("country", event.target.value);
        }}
      />
      {layout.flatMap((row) => row.map((field) => input(field, spans[row.length] ?? "sm:col-span-2")))}
      {input("phone", "sm:col-span-6")}
    </div>
  );
}

export function readAddress(data: FormData, prefix = "") {
  return Object.fromEntries(fieldNames.map((field) => [field, String(data.get(`${prefix}${field}`) ?? "")]));
}
