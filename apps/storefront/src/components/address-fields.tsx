import { TextField } from "@shop/ui";

export const addressFields = [
  { name: "fullName", label: "Full name", autoComplete: "name", wide: true },
  { name: "company", label: "Company (optional)", autoComplete: "organization", wide: false },
  { name: "phone", label: "Phone (optional)", autoComplete: "tel", wide: false },
  { name: "line1", label: "Street address", autoComplete: "address-line1", wide: true },
  { name: "line2", label: "Apartment, suite (optional)", autoComplete: "address-line2", wide: true },
  { name: "city", label: "City", autoComplete: "address-level2", wide: false },
  { name: "region", label: "State or region (optional)", autoComplete: "address-level1", wide: false },
  { name: "postalCode", label: "Postal code", autoComplete: "postal-code", wide: false },
  { name: "country", label: "Country code (e.g. US)", autoComplete: "country", wide: false },
] as const;

export type AddressFieldName = (typeof addressFields)[number]["name"];

/** The address inputs, named so FormData maps straight onto AddressSchema. */
export function AddressFields({
  initial,
  errors,
  prefix = "",
  onChange,
}: {
  initial?: Partial<Record<AddressFieldName, string | null>>;
  errors: Partial<Record<string, string | undefined>>;
  prefix?: string;
  onChange?: (name: AddressFieldName, value: string) => void;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {addressFields.map((field) => (
        <TextField
          key={field.name}
          label={field.label}
          name={`${prefix}${field.name}`}
          autoComplete={field.autoComplete}
          defaultValue={initial?.[field.name] ?? ""}
          error={errors[field.name]}
          onChange={onChange ? (event) => onChange(field.name, event.target.value) : undefined}
          className={field.wide ? "sm:col-span-2" : ""}
        />
      ))}
    </div>
  );
}

export function readAddress(data: FormData, prefix = "") {
  return Object.fromEntries(
    addressFields.map((field) => [field.name, String(data.get(`${prefix}${field.name}`) ?? "")]),
  );
}
