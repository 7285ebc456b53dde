import { Button } from "@shop/ui";

/**
 * The cart issue wires this: it receives the chosen variant (null until every option is
 * picked) and whether it can be bought. Until then the button says plainly that it is not ready.
 */
export function AddToCartButton({ variantId, available }: { variantId: number | null; available: boolean }) {
  const reason = variantId === null ? "Choose options" : !available ? "Out of stock" : "Add to cart (coming soon)";
  return (
    <Button className="w-full sm:w-auto" disabled data-variant-id={variantId ?? undefined} data-testid="add-to-cart">
      {reason}
    </Button>
  );
}
