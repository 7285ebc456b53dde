import {
  CatalogBrandSchema,
  CatalogCategorySlugSchema,
  CatalogFiltersSchema,
  CatalogListSchema,
  CatalogProductSchema,
  CatalogSuggestSchema,
} from "@shop/validators";
import { getBrand } from "../services/catalog/brand.ts";
import { listBrands } from "../services/catalog/brands.ts";
import { categoryMovedTo, categoryTree } from "../services/catalog/categories.ts";
import { facetCounts } from "../services/catalog/facets.ts";
import { getProduct } from "../services/catalog/get-product.ts";
import { listProducts } from "../services/catalog/list-products.ts";
import { suggest } from "../services/catalog/suggest.ts";
import { BrandListOutput, CategoryTreeOutput, ProductListOutput, ProductOutput } from "../outputs/catalog.ts";
import { publicProcedure, router } from "../trpc.ts";

const read = "catalog:read";

/**
 * Shopper reads: the same for everyone, answered by the server's fast path from the catalog
 * cache (emptied whenever something shoppers see changes; the TTL only bounds memory).
 */
const catalogRead = publicProcedure.meta({
  fastPath: true,
  cache: { ttlSeconds: 300, sharedBy: "everyone" },
  // A cache miss reaches the database: one client's misses at once are bounded (crawlers).
  inFlight: true,
});

export const catalogRouter = router({
  /** A page of products for any filters and sort; facet counts come from `facets` (same filters). */
  list: catalogRead
    .meta({
      scope: read,
      rest: {
        method: "GET",
        path: "/products",
        summary: "A page of active products, filtered and sorted",
        output: ProductListOutput,
      },
    })
    .input(CatalogListSchema)
    .query(({ ctx, input }) => listProducts(ctx.db, ctx.config, input)),
  facets: catalogRead.input(CatalogFiltersSchema).query(({ ctx, input }) => facetCounts(ctx.db, ctx.config, input)),
  suggest: catalogRead.input(CatalogSuggestSchema).query(({ ctx, input }) => suggest(ctx.db, ctx.config, input.q)),
  get: catalogRead
    .meta({
      scope: read,
      rest: {
        method: "GET",
        path: "/products/{slug}",
        summary: "An active product with its variants and images",
        output: ProductOutput,
      },
    })
    .input(CatalogProductSchema)
    .query(({ ctx, input }) => getProduct(ctx.db, ctx.config, input.slug)),
  categories: catalogRead
    .meta({
      scope: read,
      rest: {
        method: "GET",
        path: "/categories",
        summary: "The category tree with product counts",
        output: CategoryTreeOutput,
      },
    })
    .query(({ ctx }) => categoryTree(ctx.db)),
  /** A renamed category's current slug (`movedTo`), for the storefront's 301; null if unknown. */
  categoryMoved: catalogRead
    .input(CatalogCategorySlugSchema)
    .query(async ({ ctx, input }) => ({ movedTo: await categoryMovedTo(ctx.db, input.slug) })),
  brands: catalogRead
    .meta({
      scope: read,
      rest: { method: "GET", path: "/brands", summary: "Brands with product counts", output: BrandListOutput },
    })
    .query(({ ctx }) => listBrands(ctx.db)),
  /** One brand's page: its name and how many products it has on sale. */
  brand: catalogRead.input(CatalogBrandSchema).query(({ ctx, input }) => getBrand(ctx.db, input.slug)),
});
