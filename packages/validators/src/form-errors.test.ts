import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CardFormSchema } from "./checkout.ts";
import {
  errorsUnder,
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  looksInternal,
  nameRows,
  plainErrorMessage,
} from "./form-errors.ts";
import "./messages.ts";

const issues = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
};

describe("zod issues in words", () => {
  it("gives schemas without messages of their own a plain one", () => {
    const schema = z.object({
      month: z.number().int().min(1).max(12),
      name: z.string().min(2),
      tags: z.array(z.string()).max(1),
    });
    expect(issues(schema, { month: 13, name: "a", tags: ["a", "b"] })).toEqual({
      month: "Enter 12 or less",
      name: "Use at least 2 characters",
      tags: "Choose at most 1 item",
    });
    expect(issues(schema, {})).toEqual({ month: "Fill this in", name: "Fill this in", tags: "Fill this in" });
    for (const message of Object.values(issues(schema, { month: "x", name: 5, tags: {} })))
      expect(looksInternal(message ?? "")).toBe(false);
  });

  it("keys nested problems by their path, and hands a form its part", () => {
    const errors = issues(z.object({ shippingAddress: z.object({ city: z.string().min(1, "Enter the city") }) }), {
      shippingAddress: { city: "" },
    });
    expect(errors).toEqual({ "shippingAddress.city": "Enter the city" });
    expect(errorsUnder(errors, "shippingAddress")).toEqual({ city: "Enter the city" });
  });

  it("checks a card's number, expiry and security code before it is sent", () => {
    expect(issues(CardFormSchema, { number: "4242 4242 4242 4241", expiry: "13/30", cvc: "12" })).toEqual({
      number: "This card number is not valid: check the digits",
      expiry: "Enter the expiry date as MM/YY, e.g. 04/29",
      cvc: "The security code is the 3 or 4 digits on the back of the card",
    });
    expect(issues(CardFormSchema, { number: "4242424242424242", expiry: "01/20", cvc: "123" })).toEqual({
      expiry: "This card has expired",
    });
    expect(CardFormSchema.parse({ number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" })).toEqual({
      number: "4242424242424242",
      expMonth: 12,
      expYear: 2034,
      cvc: "123",
    });
  });
});

describe("API errors on fields", () => {
  it("places validation issues, named fields and known reasons", () => {
    expect(
      fieldErrorsFromApi({
        message: "Enter your name",
        data: {
          code: "BAD_REQUEST",
          zodError: { formErrors: [], fieldErrors: { "shippingAddress.fullName": ["Enter your name"] } },
        },
      }),
    ).toEqual({ "shippingAddress.fullName": "Enter your name" });
    expect(
      fieldErrorsFromApi({
        message: "Choose a shipping method",
        data: { code: "BAD_REQUEST", details: { field: "shippingMethod" } },
      }),
    ).toEqual({ shippingMethod: "Choose a shipping method" });
    expect(
      fieldErrorsFromApi({
        message: "The code WELCOME10 no longer applies",
        data: { code: "PRECONDITION_FAILED", details: { reason: "COUPON" } },
      }),
    ).toEqual({ coupon: "The code WELCOME10 no longer applies" });
    expect(fieldErrorsFromApi({ message: "Only 2 left", data: { code: "PRECONDITION_FAILED" } })).toEqual({
      form: "Only 2 left",
    });
  });

  it("never passes on JSON, codes or a proxy's page", () => {
    expect(plainErrorMessage({ message: "Unexpected token '<', \"<h1>502\" is not valid JSON" })).toMatch(
      /could not reach the shop/,
    );
    expect(
      plainErrorMessage({ message: '[{"origin":"number","code":"too_big"}]', data: { code: "BAD_REQUEST" } }),
    ).not.toMatch(/too_big/);
    expect(plainErrorMessage({ message: "boom", data: { code: "INTERNAL_SERVER_ERROR" } })).toBe(
      "Something went wrong on our side. Please try again.",
    );
    expect(plainErrorMessage(new TypeError("x is undefined"))).toMatch(/could not reach the shop|went wrong/);
  });
});

describe("rows of a repeated group", () => {
  it("names the row an instruction is about, before any trailing clause, and leads other messages with it", () => {
    const rows = ["the Black / 128 GB variant", "the White / 256 GB variant"];
    expect(
      nameRows(
        {
          name: "Enter a name",
          "variants.0.price": "Enter a price, like 19.99",
          "variants.1.sku": "Enter a SKU",
          "variants.1": "Two rows clash",
          "variantsOther.1": "Untouched",
        },
        "variants",
        (index) => rows[index] ?? "",
      ),
    ).toEqual({
      name: "Enter a name",
      "variants.0.price": "Enter a price for the Black / 128 GB variant, like 19.99",
      "variants.1.sku": "Enter a SKU for the White / 256 GB variant",
      "variants.1": "White / 256 GB variant: Two rows clash",
      "variantsOther.1": "Untouched",
    });
  });
});
