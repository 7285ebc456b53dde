import { useTRPC } from "@shop/client";
import { ErrorState, formatCount } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { PageHead } from "../components/page-head.tsx";
import { ProductGrid } from "../components/product-card.tsx";
import { brandShelfInput } from "../lib/queries.ts";
import { Link } from "../components/link.tsx";

/** A brand's page (/brands/:slug): its best sellers, and the way into its whole range. */
export function BrandPage() {
  const trpc = useTRPC();
  const { slug = "" } = useParams();
  const brand = useQuery(trpc.catalog.brand.queryOptions({ slug }));
  const products = useQuery(trpc.catalog.list.queryOptions(brandShelfInput(slug)));
  if (brand.isError) return <ErrorState message="We could not load this brand." onRetry={() => void brand.refetch()} />;
  const name = brand.data?.name ?? "Brand";
  return (
    <section aria-labelledby="brand-title" className="space-y-6">
      <PageHead
        title={name}
        description={`${name} at Shop: compare prices, ratings and stock.`}
        canonical={`/brands/${slug}`}
      />
      <div>
        <h1 id="brand-title" className="text-2xl font-bold">
          {name}
        </h1>
        {brand.data && <p className="mt-1 text-muted">{formatCount(brand.data.productCount)} products</p>}
      </div>
      <ProductGrid products={products.data?.items ?? []} loading={products.isPending} eager={4} />
      <Link to={`/search?brand=${slug}`} className="inline-block font-medium text-brand-700 underline">
        Filter and sort every {name} product
      </Link>
    </section>
  );
}
