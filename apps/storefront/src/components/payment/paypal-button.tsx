import { plainErrorMessage, useTRPC } from "@shop/client";
import { Button, FormMessage } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";

/**
 * PayPal without PayPal's browser script: the server creates the PayPal order for its own amount
 * and answers PayPal's approval page, where the shopper goes. PayPal sends them back to the
 * order's page (which captures and shows the outcome), or to this step if they cancel.
 */
export function PaypalButton({ number, orderKey }: { number: number; orderKey?: string }) {
  const trpc = useTRPC();
  const start = useMutation(
    trpc.checkout.payment.mutationOptions({
      onSuccess: (payment) => {
        if (payment.approvalUrl) window.location.assign(payment.approvalUrl);
      },
    }),
  );
  const leaving = start.isPending || (start.isSuccess && Boolean(start.data.approvalUrl));
  return (
    <div className="space-y-3">
      <p className="text-sm">You will approve the payment on PayPal&rsquo;s site and come back here.</p>
      {start.isError && <FormMessage error={plainErrorMessage(start.error)} />}
      {start.isSuccess && !start.data.approvalUrl && (
        <FormMessage error="PayPal did not give us a page to send you to. Please try again." />
      )}
      <Button
        className="w-full"
        disabled={leaving}
        onClick={() => start.mutate({ number, key: orderKey, method: "paypal" })}
      >
        {leaving ? "Taking you to PayPal…" : "Continue to PayPal"}
      </Button>
    </div>
  );
}
