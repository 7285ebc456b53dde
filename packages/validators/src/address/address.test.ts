import { describe, expect, it } from "vitest";
import { AddressSchema } from "../account.ts";
import { fieldErrorsFromIssues } from "../form-errors.ts";
import { installLibraryAddressRules, libraryCountries, libraryRules } from "./library.ts";
import { formatAddress } from "./format.ts";

installLibraryAddressRules();

const rules = (code: string) => {
  const found = libraryRules(code);
  if (!found) throw new Error(`no rules for ${code}`);
  return found;
};

describe("address rules from the library", () => {
  it("names fields, orders them and requires what each country requires", () => {
    const us = rules("US");
    expect(us.labels).toEqual({ city: "City", region: "State", postalCode: "ZIP code" });
    expect(us.layout).toEqual([["fullName"], ["company"], ["line1"], ["line2"], ["city", "region", "postalCode"]]);
    expect(us.required).toEqual(expect.arrayContaining(["line1", "city", "region", "postalCode"]));
    expect(us.regions).toContainEqual({ value: "CA", label: "California" });

    const gb = rules("GB");
    expect(gb.labels.city).toBe("Town or city");
    expect(gb.layout.flat()).not.toContain("region");
    expect(gb.regions).toEqual([]);

    const jp = rules("JP");
    expect(jp.labels.region).toBe("Prefecture");
    expect(jp.layout.flat()).not.toContain("city");
    expect(jp.required).not.toContain("city");
    expect(jp.regions).toContainEqual({ value: "Tokyo", label: "Tokyo" });
  });

  it("lists every country by name", () => {
    const countries = libraryCountries();
    expect(countries.length).toBeGreaterThan(200);
    expect(countries).toContainEqual({ code: "JP", name: "Japan" });
    expect(countries.find((country) => country.code === "ZZ")).toBeUndefined();
  });

  it("prints US, UK and Japanese addresses as their post offices do", () => {
    const base = { company: null, line2: null, region: null };
    expect(
      formatAddress(
        {
          ...base,
          fullName: "Ada L",
          line1: "1 Market St",
          city: "San Francisco",
          region: "CA",
          postalCode: "94103",
          country: "US",
        },
        rules("US"),
      ),
    ).toEqual(["Ada L", "1 Market St", "San Francisco, CA 94103", "United States"]);
    expect(
      formatAddress(
        { ...base, fullName: "Ada L", line1: "10 Downing St", city: "London", postalCode: "SW1A 2AA", country: "GB" },
        rules("GB"),
      ),
    ).toEqual(["Ada L", "10 Downing St", "London", "SW1A 2AA", "United Kingdom"]);
    expect(
      formatAddress(
        {
          ...base,
          fullName: "Taro Yamada",
          line1: "1-1 Chiyoda",
          line2: "Chiyoda-ku",
          city: "",
          region: "Tokyo",
          postalCode: "100-0001",
          country: "JP",
        },
        rules("JP"),
      ),
    ).toEqual(["Taro Yamada", "1-1 Chiyoda", "Chiyoda-ku, Tokyo", "100-0001", "Japan"]);
  });
});

describe("AddressSchema with the library's rules", () => {
  const errors = (value: Record<string, unknown>) => {
    const result = AddressSchema.safeParse(value);
    return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
  };

  it("reports every problem at once, in words, on its field", () => {
    expect(errors({ fullName: "", line1: "", city: "", region: "", postalCode: "9410", country: "US" })).toEqual({
      fullName: "Enter your name",
      line1: "Enter the street address",
      city: "Enter the city",
      region: "Choose the state",
      postalCode: "Check the ZIP code: it looks like 95014",
    });
    expect(
      errors({ fullName: "A", line1: "1 Way", city: "X", region: "Narnia", postalCode: "94103", country: "US" }),
    ).toEqual({
      region: "Choose the state from the list",
    });
    expect(errors({ fullName: "A", line1: "1 Way", city: "", postalCode: "", country: "GB" })).toEqual({
      city: "Enter the town or city",
      postalCode: "Enter the postal code",
    });
    expect(errors({ fullName: "A", line1: "1 Way", city: "", postalCode: "", country: "QQ" })).toEqual({
      country: "Choose a country from the list",
    });
  });

  it("keeps a region's code and an upper-case postcode", () => {
    const parsed = AddressSchema.parse({
      fullName: "A",
      line1: "1 Way",
      city: "San Francisco",
      region: "california",
      postalCode: "94103",
      country: "us",
    });
    expect(parsed).toMatchObject({ region: "CA", country: "US" });
    expect(
      AddressSchema.parse({ fullName: "A", line1: "1 Way", city: "London", postalCode: "sw1a 2aa", country: "GB" })
        .postalCode,
    ).toBe("SW1A 2AA");
    expect(
      AddressSchema.parse({
        fullName: "T",
        line1: "1-1 Chiyoda",
        city: "",
        region: "Tokyo",
        postalCode: "100-0001",
        country: "JP",
      }).region,
    ).toBe("Tokyo");
  });
});
