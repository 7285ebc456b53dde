import { describe, expect, it } from "vitest";
import { orderListInput } from "./list-input.ts";

describe("orders list filters in the URL", () => {
  it("become the API input", () => {
    const input = orderListInput(
      new URLSearchParams(
        "q=%231042&payment=PARTIALLY_REFUNDED&fulfillment=FULFILLED&state=OPEN&archived=only&attempts=1&from=2026-03-01&to=2026-03-31&customerId=7&min=10&max=99.5",
      ),
      "USD",
    );
    expect(input).toEqual({
      search: "#1042",
      paymentStatus: "PARTIALLY_REFUNDED",
      fulfillmentStatus: "FULFILLED",
      state: "OPEN",
      archived: "only",
      attempts: true,
      from: new Date(2026, 2, 1),
      to: new Date(2026, 3, 1),
      customerId: 7,
      minTotal: 1000,
      maxTotal: 9950,
      limit: 50,
    });
  });

  it("ignore what they cannot read", () => {
    const input = orderListInput(
      new URLSearchParams(
        "payment=LOST&fulfillment=SHIPPED&state=ARCHIVED&archived=yes&attempts=yes&from=yesterday&customerId=-2&min=ten&q=%20",
      ),
      "USD",
    );
    expect(input).toEqual({ limit: 50 });
  });
});
