import { plainErrorMessage, useTRPC } from "@shop/client";
import { Button, formatMoney, ResponsiveImage, useToast } from "@shop/ui";
import { useMutation } from "@tanstack/react-query";
import { useSetCart, type Cart } from "../../lib/cart.ts";
import { Link } from "../link.tsx";

type Line = Cart["items"][number];

const problems: Record<NonNullable<Line["problem"]>, (line: Line) => string> = {
  UNAVAILABLE: () => "No longer sold. Remove it to check out.",
  OUT_OF_STOCK: () => "Out of stock. Remove it to check out.",
  INSUFFICIENT_STOCK: (line) => `Only ${line.available} left. Lower the quantity to check out.`,
};

export function CartLine({ line, currency }: { line: Line; currency: string }) {
  const trpc = useTRPC();
  const setCart = useSetCart();
  const setQuantity = useMutation(trpc.cart.setQuantity.mutationOptions({ onSuccess: setCart }));
  const toast = useToast();
  const remove = useMutation(
    trpc.cart.remove.mutationOptions({
      onSuccess: (cart) => {
        setCart(cart);
        toast(`Removed ${line.name} from your cart.`);
      },
    }),
  );
  const error = setQuantity.error ?? remove.error;
  const options = Array.from({ length: Math.max(line.maxQuantity, line.quantity, 1) }, (_, i) => i + 1);
  return (
    <li className="flex gap-4 py-4" data-testid="cart-line">
      {line.image ? (
        <ResponsiveImage
          image={line.image}
          alt={line.image.alt || line.name}
          sizes="96px"
          loading="lazy"
          className="size-24 shrink-0 rounded-md bg-subtle object-cover"
        />
      ) : (
        <div className="size-24 shrink-0 rounded-md bg-subtle" />
      )}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <Link to={`/p/${line.slug}`} className="font-medium hover:underline">
          {line.name}
        </Link>
        {line.variantTitle && <p className="text-sm text-muted">{line.variantTitle}</p>}
        <p className="text-sm">
          {formatMoney(line.unitPrice, currency)}
          {line.previousPrice !== null && (
            <span className="ml-2 text-muted">
              (was <s>{formatMoney(line.previousPrice, currency)}</s> when you added it)
            </span>
          )}
        </p>
        {line.problem && (
          <p role="status" className="text-sm font-medium text-red-700">
            {problems[line.problem](line)}
          </p>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {plainErrorMessage(error)}
          </p>
        )}
        <div className="mt-auto flex flex-wrap items-center gap-3">
          <label className="text-sm">
            <span className="mr-2">Quantity</span>
            <select
              value={line.quantity}
              disabled={line.problem === "UNAVAILABLE" || line.problem === "OUT_OF_STOCK" || setQuantity.isPending}
              onChange={(event) => setQuantity.mutate({ itemId: line.id, quantity: Number(event.target.value) })}
              className="min-h-10 rounded-md border border-line px-2"
            >
              {options.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <Button variant="ghost" onClick={() => remove.mutate({ itemId: line.id })} disabled={remove.isPending}>
            Remove<span className="sr-only"> {line.name}</span>
          </Button>
        </div>
      </div>
      <p className="font-semibold tabular-nums">{formatMoney(line.lineTotal, currency)}</p>
    </li>
  );
}
