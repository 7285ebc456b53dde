import { AddressLines } from "@shop/client";
import { formatMoney } from "@shop/ui";
import { Link } from "react-router";
import type { Order } from "../../lib/orders.ts";

type Address = NonNullable<Order["shippingAddress"]>;
const box = "rounded-lg border border-line p-4 text-sm";
const words = (value: string) => value.toLowerCase().replaceAll("_", " ");

/** As the address's country prints it (the shared AddressLines), and the phone. */
function AddressBlock({ address }: { address: Address }) {
  return (
    <address className="not-italic">
      <AddressLines address={address} />
      {address.phone && <span className="block">{address.phone}</span>}
    </address>
  );
}

export function CustomerAndAddresses({ order }: { order: Order }) {
  return (
    <section aria-labelledby="customer-title" className={box}>
      <h2 id="customer-title" className="mb-2 font-semibold">
        Customer
      </h2>
      {order.user ? (
        <p>
          <Link to={`/customers/${order.user.id}`} className="font-medium text-brand-700 underline">
            {order.user.name}
          </Link>
        </p>
      ) : (
        <p className="text-muted">Guest checkout</p>
      )}
      <p className="break-all">{order.email}</p>
      <h3 className="mb-1 mt-4 font-semibold">Shipping address</h3>
      {order.shippingAddress ? <AddressLines address={order.shippingAddress} /> : <p className="text-muted">None</p>}
      <h3 className="mb-1 mt-4 font-semibold">Billing address</h3>
      {order.billingAddress ? (
        <AddressBlock address={order.billingAddress} />
      ) : (
        <p className="text-muted">Same as shipping</p>
      )}
    </section>
  );
}

export function Payments({ order }: { order: Order }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <section aria-labelledby="payments-title" className={box}>
      <h2 id="payments-title" className="mb-2 font-semibold">
        Payments
      </h2>
      {order.payments.length === 0 ? (
        <p className="text-muted">No payment yet.</p>
      ) : (
        <ul className="space-y-3">
          {order.payments.map((payment) => (
            <li key={payment.id}>
              <p className="font-medium">
                {payment.provider === "test" ? "Test provider" : payment.provider} · {words(payment.status)}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-muted">
                <dt>Amount</dt>
                <dd className="tabular-nums">{money(payment.amount)}</dd>
                <dt>Captured</dt>
                <dd className="tabular-nums">{money(payment.capturedAmount)}</dd>
                <dt>Refunded</dt>
                <dd className="tabular-nums">{money(payment.refundedAmount)}</dd>
              </dl>
              {payment.failureReason && <p className="mt-1 text-red-700">Failed: {payment.failureReason}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
