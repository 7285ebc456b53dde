import { fulfillmentLabels, fulfillmentTones, paymentLabels, paymentTones, stateLabels } from "@shop/client";
import type { FulfillmentStatus, OrderState, PaymentStatus } from "@shop/client";
import { Badge } from "@shop/ui";

/** An order's payment and fulfilment status, its state when it is not simply open, and whether it is archived. */
export function OrderBadges({
  order,
}: {
  order: {
    paymentStatus: PaymentStatus;
    fulfillmentStatus: FulfillmentStatus;
    state: OrderState;
    archivedAt?: Date | null;
  };
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {order.archivedAt && (
        <Badge tone="neutral" data-archived="true">
          Archived
        </Badge>
      )}
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
