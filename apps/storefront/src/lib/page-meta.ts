import { usePageMeta } from "@shop/ui";

const shopDescription = "Phones, earbuds, smartwatches, tablets, laptops and accessories.";

/** A storefront page's title (with the shop's name) and description (the shop's by default). */
export function useShopPage(title: string | undefined, description?: string | null) {
  usePageMeta(
    title === undefined ? undefined : title === "Shop" ? title : `${title} · Shop`,
    description || shopDescription,
  );
}
