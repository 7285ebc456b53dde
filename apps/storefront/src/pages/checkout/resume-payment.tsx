import type { RouterOutputs } from "@shop/api";
import { isClientError, plainErrorMessage, useTRPC } from "@shop/client";
import { ErrorState, Skeleton } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { orderKey } from "../../lib/guest-orders.ts";
import { PaymentStep } from "./payment-step.tsx";

type Payment = RouterOutputs["checkout"]["payment"];

/**
 * The payment step of an order placed earlier (`/checkout?pay=<number>`): where PayPal sends a
 * shopper who cancelled there. The order is opened with the key this tab kept, or as its
 * signed-in owner; one that no longer awaits payment goes to its page.
 */
export function ResumePayment({ number }: { number: number }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const key = orderKey(number);
  const [payment, setPayment] = useState<Payment | null>(null);
  const start = useMutation(trpc.checkout.payment.mutationOptions({ onSuccess: setPayment }));
  const open = useMutation(trpc.orders.open.mutationOptions());
  const { mutate: startPayment } = start;
  const { mutate: openOrder } = open;
  useEffect(() => {
    startPayment({ number, key });
    openOrder({ number, key });
  }, [startPayment, openOrder, number, key]);

  if (start.isError && isClientError(start.error) && start.error.data?.code === "PRECONDITION_FAILED")
    return <Navigate to={`/order-confirmation/${number}`} replace />;
  const failed = start.error ?? open.error;
  if (failed) return <ErrorState message={plainErrorMessage(failed)} />;
  if (!payment || !open.data) return <Skeleton className="h-96 w-full" />;
  return (
    <PaymentStep
      placed={{ order: open.data, key, payment }}
      onDone={() => void navigate(`/order-confirmation/${number}`)}
      onPayment={setPayment}
    />
  );
}
