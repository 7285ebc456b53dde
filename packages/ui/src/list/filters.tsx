import { useState, type ReactNode } from "react";
import { Button } from "../button.tsx";

const control = "mt-1 min-h-10 max-w-full rounded-md border border-line px-3";

/** A list's search box with its other filters; searching happens on submit. */
export function SearchFilters({
  label,
  value,
  onSearch,
  children,
  className = "mb-4",
}: {
  label: string;
  value: string;
  onSearch: (query: string) => void;
  children?: ReactNode;
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  return (
    <form
      role="search"
      className={`flex flex-wrap items-end gap-3 ${className}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <label className="text-sm">
        <span className="block font-medium">{label}</span>
        <input type="search" value={draft} onChange={(event) => setDraft(event.target.value)} className={control} />
      </label>
      {children}
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}

/** A filter drop-down whose first choice is "Any". */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  any = "Any",
}: {
  label: string;
  value: string | number | undefined;
  onChange: (value: string) => void;
  options: readonly { value: string | number; label: string }[];
  any?: string | null;
}) {
  return (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <select value={value ?? ""} onChange={(event) => onChange(event.target.value)} className={control}>
        {any !== null && <option value="">{any}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
