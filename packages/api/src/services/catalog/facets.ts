import type { PrismaClient } from "@shop/db";
import type { CatalogFilters } from "@shop/validators";
import type { InferResult } from "kysely";
import type { ApiConfig } from "../../context.ts";
import { read } from "../../lib/sql.ts";
import { loadCategories, subtreeCounts } from "./categories.ts";
import { countingQuery, FACET_SAMPLE, PRICE_BOUNDS } from "./facet-query.ts";
import { summaryFacets } from "./facet-summary.ts";
import { groupConditions, type ListingFilters } from "./filters.ts";
import { matchShare, searchShares, walkPages } from "./search-shares.ts";
import { searchAssumingKnown } from "./resolve-search.ts";

export { PRICE_BOUNDS };

/** True when the only filter is a category (or there is none): FacetCount answers those. */
export function summaryAnswers(filters: ListingFilters): boolean {
  return (
    !filters.search &&
    !filters.brands?.length &&
    filters.priceMin === undefined &&
    filters.priceMax === undefined &&
    filters.minRating === undefined &&
    !filters.inStock &&
    !filters.featured &&
    Object.keys(filters.options ?? {}).length === 0
  );
}

/**
 * Facet counts for the current filters, as shoppers expect: each group counts what its options
 * would show with every *other* filter applied, so choosing a brand does not hide the other
 * brands. A listing filtered by its category alone (or not at all), which is most of them,
 * reads the counts FacetCount keeps; any other filter counts the products that pass it, up to
 * `facetSample` of them: `exhaustive` is false when more passed, and every count is then a lower
 * bound (the storefront shows "1,000+ products" and the values without counts).
 * One statement either way, plus the small category table; a search whose words the dictionary
 * lacks adds two (the look-up that corrects them, then the count), as listings do.
 */
export async function facetCounts(
  db: PrismaClient,
  config: Pick<ApiConfig, "currency" | "facetSample" | "facetWalk">,
  input: CatalogFilters,
) {
  const { q, ...rest } = input;
  const sample = config.facetSample ?? FACET_SAMPLE;
  const none = { ...emptyFacets(), currency: config.currency };
  if (!q) {
    const query = summaryAnswers(rest) ? summaryFacets(rest.category) : countingQuery(rest, sample);
    return shape(config, sample, ...(await Promise.all([read(db, query), loadCategories(db)])));
  }
  // Most searches have no typo: count as if so, and learn whether it is so, in one statement.
  const counted = await searchAssumingKnown(db, q, async (search, known) => {
    const filters: ListingFilters = { ...rest, search: search.tsquery };
    const walk = facetWalk(db, config, filters, sample);
    const [facets, categories] = await Promise.all([
      read(db, countingQuery(filters, sample, known, walk)),
      loadCategories(db),
    ]);
    // Without `known` (the corrected retry) the words are known by definition.
    const wordsKnown = !known || facets.some((row) => row.facet === "known" && row.count === 1);
    return { value: shape(config, sample, facets, categories), wordsKnown };
  });
  return counted ?? none;
}

/**
 * Pages to walk before the search index, for a broad search (search-shares.ts): when the search
 * is the only filter the rows must pass (one group filter does not narrow what is read), and the
 * statistics say its matches are common enough that reading rows in table order finds the
 * sample sooner than the index lists every match. `facetWalk` forces the choice (tests).
 */
function facetWalk(
  db: PrismaClient,
  config: Pick<ApiConfig, "facetWalk">,
  filters: ListingFilters,
  sample: number,
): number | undefined {
  if (!filters.search || config.facetWalk === "never") return undefined;
  // Every page (PostgreSQL's highest block number): the walk reads the whole table.
  if (config.facetWalk === "always") return 0xfffffffe;
  if (filters.inStock || filters.featured || groupConditions(filters).length > 1) return undefined;
  const shares = searchShares(db);
  return walkPages(shares, shares ? matchShare(filters.search, shares.lexemes) : 0, sample) ?? undefined;
}

type FacetRow = InferResult<ReturnType<typeof countingQuery>>[number];

function shape(
  config: Pick<ApiConfig, "currency">,
  sample: number,
  facets: FacetRow[],
  categories: Awaited<ReturnType<typeof loadCategories>>,
) {
  const of = (facet: string) => facets.filter((row) => row.facet === facet);
  const scope = of("scope")[0];
  const exhaustive = scope === undefined || scope.count <= sample;
  const total = of("total")[0]?.count ?? 0;

  const categoryCounts = subtreeCounts(categories, new Map(of("category").map((row) => [Number(row.key), row.count])));
  const byRating = new Map(of("rating").map((row) => [Number(row.key), row.count]));
  const options = new Map<string, Array<{ value: string; count: number }>>();
  for (const row of of("option")) {
    if (row.key === null || row.label === null) continue;
    options.set(row.key, [...(options.get(row.key) ?? []), { value: row.label, count: row.count }]);
  }
  const byBucket = new Map(of("price").map((row) => [Number(row.key), row.count]));
  return {
    currency: config.currency,
    // Past the sample, a lower bound no higher than the sample: "1,000+ products".
    total: exhaustive ? total : Math.min(total, sample),
    /** False when more products passed than were counted: every count is a lower bound. */
    exhaustive,
    categories: categories
      .map((category) => ({
        slug: category.slug,
        name: category.name,
        parentSlug: category.parentSlug,
        count: categoryCounts.get(category.id) ?? 0,
      }))
      .filter((category) => category.count > 0),
    brands: of("brand")
      .flatMap((row) => (row.key && row.label ? [{ slug: row.key, name: row.label, count: row.count }] : []))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    prices: [0, ...PRICE_BOUNDS]
      .map((min, index) => ({
        min,
        max: PRICE_BOUNDS[index] === undefined ? null : (PRICE_BOUNDS[index] ?? 0) - 1,
        count: byBucket.get(index) ?? 0,
      }))
      .filter((bucket) => bucket.count > 0),
    // "4 stars & up": cumulative counts.
    ratings: [4, 3, 2, 1].map((stars) => ({
      stars,
      count: [...byRating].reduce((sum, [floor, count]) => (floor >= stars ? sum + count : sum), 0),
    })),
    options: [...options].map(([name, values]) => ({
      name,
      values: values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    })),
  };
}

function emptyFacets() {
  return { total: 0, exhaustive: true, categories: [], brands: [], prices: [], ratings: [], options: [] };
}
