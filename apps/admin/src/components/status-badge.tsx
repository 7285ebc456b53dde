import { fulfillmentLabels, fulfillmentTones, paymentLabels, paymentTones, stateLabels } from "@shop/client";
import type { FulfillmentStatus, OrderState, PaymentStatus } from "@shop/client";
import { Badge } from "@shop/ui";

/** An order's payment and fulfilment status, and its state when it is not simply open. */
export function OrderBadges({
  order,
}: {
  order: { paymentStatus: PaymentStatus; fulfillmentStatus: FulfillmentStatus; state: OrderState };
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {order.state !== "OPEN" && (
        <Badge tone={order.state === "CANCELLED" ? "danger" : "neutral"} data-state={order.state}>
          {stateLabels[order.state]}
        </Badge>
      )}
      <Badge tone={paymentTones[order.paymentStatus]} data-payment={order.paymentStatus}>
        {paymentLabels[order.paymentStatus]}
      </Badge>
      <Badge tone={fulfillmentTones[order.fulfillmentStatus]} data-fulfillment={order.fulfillmentStatus}>
        {fulfillmentLabels[order.fulfillmentStatus]}
      </Badge>
    </span>
  );
}
