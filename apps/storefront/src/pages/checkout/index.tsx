import type { RouterOutputs } from "@shop/api";
import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, EmptyState, ErrorState, FormMessage, Skeleton } from "@shop/ui";
import { PlaceOrderSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { readAddress } from "../../components/address-fields.tsx";
import { currentPath, track } from "../../lib/analytics.ts";
import { useCart } from "../../lib/cart.ts";
import { rememberOrderKey } from "../../lib/guest-orders.ts";
import { useMe } from "../../lib/session.ts";
import { DetailsForm, SHIPPING_PREFIX, type DetailsChoice } from "./details-form.tsx";
import type { PaymentResult } from "../../components/payment/result.ts";
import { PaymentStep } from "./payment-step.tsx";
import { ResumePayment } from "./resume-payment.tsx";
import { Link } from "../../components/link.tsx";

type Placed = RouterOutputs["checkout"]["placeOrder"];

export function CheckoutPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Back from PayPal without paying: the payment step of that order.
  const resume = Number(useSearchParams()[0].get("pay"));
  const me = useMe();
  const cart = useCart();
  const addresses = useQuery(trpc.account.addresses.list.queryOptions(undefined, { enabled: Boolean(me.data) }));
  const form = useFieldErrors();
  // One key per checkout attempt: a double click or a retried request creates one order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [declined, setDeclined] = useState<string | null>(null);

  const place = useMutation(
    trpc.checkout.placeOrder.mutationOptions({
      onSuccess: async (result) => {
        rememberOrderKey(result.order.number, result.key);
        track({ type: "PURCHASE", path: currentPath() });
        track({ type: "CHECKOUT_STEP", path: currentPath(), step: "payment" });
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        setPlaced(result);
      },
      onError: async (error) => {
        form.fromServer(error);
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
      },
    }),
  );
  const payment = useMutation(
    trpc.checkout.payment.mutationOptions({ onSuccess: (p) => placed && setPlaced({ ...placed, payment: p }) }),
  );
  const startedCheckout = (cart.data?.items.length ?? 0) > 0;
  useEffect(() => {
    if (startedCheckout) track({ type: "CHECKOUT_STEP", path: currentPath(), step: "details" });
  }, [startedCheckout]);
  const retry = useMutation(trpc.checkout.retry.mutationOptions({ onSuccess: () => window.location.assign("/cart") }));

  if (!placed && Number.isInteger(resume) && resume > 0) return <ResumePayment number={resume} />;
  // Wait for saved addresses too: the form starts on the default one.
  if (me.isPending || cart.isPending || (me.data && addresses.isPending)) return <Skeleton className="h-96 w-full" />;
  if (cart.isError) return <ErrorState message="We could not load your cart." onRetry={() => void cart.refetch()} />;

  function submit(data: FormData, choice: DetailsChoice) {
    // One schema, the API's, over the whole form: every mistake shows at once, each on its field.
    const input = form.validate(PlaceOrderSchema, {
      idempotencyKey,
      email: me.data ? undefined : data.get("email"),
      shippingAddress: choice.addressId !== null ? { addressId: choice.addressId } : readAddress(data, SHIPPING_PREFIX),
      shippingMethod: choice.shippingMethod ?? "",
      saveAddress: data.get("saveAddress") === "on",
    });
    if (input) place.mutate(input);
  }

  function paid(result: PaymentResult) {
    if (!placed) return;
    // Paid, or not known (the answer was lost): the order's page asks the provider and says which.
    if (result.outcome !== "declined") return void navigate(`/order-confirmation/${placed.order.number}`);
    setDeclined(result.error ?? "Your payment did not go through.");
  }

  if (placed && declined) {
    return (
      <section className="mx-auto max-w-md space-y-4" aria-labelledby="declined-title">
        <h1 id="declined-title" className="text-2xl font-bold">
          Payment declined
        </h1>
        <FormMessage error={`${declined} Nothing was charged, and order #${placed.order.number} was cancelled.`} />
        <Button
          onClick={() => retry.mutate({ number: placed.order.number, key: placed.key })}
          disabled={retry.isPending}
        >
          Put my items back in the cart and try again
        </Button>
      </section>
    );
  }
  if (placed) {
    if (!placed.payment) {
      return (
        <section className="mx-auto max-w-md space-y-4">
          <FormMessage error="We could not start the payment just now. Your order is saved and your items are held." />
          <Button onClick={() => payment.mutate({ number: placed.order.number, key: placed.key })}>
            Try the payment again
          </Button>
        </section>
      );
    }
    return (
      <PaymentStep
        placed={{ ...placed, payment: placed.payment }}
        onDone={paid}
        onPayment={(next) => setPlaced({ ...placed, payment: next })}
      />
    );
  }
  if (cart.data.items.length === 0) {
    return (
      <EmptyState title="Your cart is empty">
        <Link to="/" className="font-medium text-brand-700 underline">
          Continue shopping
        </Link>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="checkout-title">
      <h1 id="checkout-title" className="mb-6 text-2xl font-bold">
        Checkout
      </h1>
      {!me.data && (
        <p className="mb-6 text-sm">
          Have an account?{" "}
          <Link to="/sign-in?next=%2Fcheckout" className="font-medium text-brand-700 underline">
            Sign in
          </Link>{" "}
          for saved addresses.
        </p>
      )}
      <DetailsForm
        cart={cart.data}
        signedInEmail={me.data?.email ?? null}
        saved={addresses.data ?? []}
        errors={form.errors}
        pending={place.isPending}
        onSubmit={submit}
        onFieldChange={form.onChange}
      />
    </section>
  );
}
