import { qb, type DB } from "@shop/db";
import type { CatalogFilters } from "@shop/validators";
import { expressionBuilder, sql, type Expression, type SqlBool } from "kysely";

/** Filters after validation; `search` is the resolved tsquery text (see search-terms.ts). */
export type ListingFilters = Omit<CatalogFilters, "q"> & { search?: string | null };

/** Facet groups: each group's counts ignore that group's own filter. */
export type FacetGroup = "category" | "brand" | "price" | "rating" | { option: string };

/** The tables a listing condition sees: the product as `p`. */
export type ProductScope = DB & { p: DB["Product"] };
export type Condition = Expression<SqlBool>;

/** Builds conditions and expressions on the product alias `p`, typed by the schema. */
export const eb = expressionBuilder<ProductScope, "p">();

/**
 * A tsquery computed once per statement. Hot queries are prepared statements, and a generic
 * plan would otherwise call to_tsquery (parsing and stemming) again for every row it ranks or
 * rechecks: 30 ms instead of 2 for a broad search. As a sub-select it is an InitPlan, evaluated
 * once and still usable as the GIN index condition.
 */
export const tsquery = (text: string) => sql<unknown>`(SELECT to_tsquery('english', ${text}))`;

// "searchVector" is a tsvector, a type Prisma (and so the generated types) leaves out.
export const searchMatch = (text: string) => sql<SqlBool>`p."searchVector" @@ ${tsquery(text)}`;
/** The same test as a function call, which no index answers: for reading rows in table order. */
export const searchTest = (text: string) => sql<SqlBool>`ts_match_vq(p."searchVector", ${tsquery(text)})`;

/** A statement with `tree(id)`: a category and all its descendants (a recursive CTE). */
export const withSubtree = (slug: string) =>
  qb.withRecursive("tree(id)", (db) =>
    db
      .selectFrom("Category as c")
      .select("c.id")
      .where("c.slug", "=", slug)
      .unionAll(db.selectFrom("Category as c").innerJoin("tree", "c.parentId", "tree.id").select("c.id")),
  );

/** The ids of a category and of all its descendants. */
export const subtreeIds = (slug: string) => withSubtree(slug).selectFrom("tree").select("tree.id");

/** The products of a category and of all its descendants. */
export const categorySubtree = (slug: string): Condition => eb("p.categoryId", "in", subtreeIds(slug));

/** Option values as Product."optionKeys" holds them: name, U+001F, value. */
export const optionKeys = (name: string, values: string[]) => values.map((value) => `${name}\u001f${value}`);

/** Any of these values of the option, read from the product's own row. */
export const optionMatch = (name: string, values: string[]): Condition =>
  eb("p.optionKeys", "&&", sql<string[]>`${optionKeys(name, values)}::text[]`);

/** `p."status" = 'ACTIVE'`, with the constant in the text so every plan can use it. */
export const isActive: Condition = eb("p.status", "=", sql.lit("ACTIVE"));

/**
 * The conditions no facet group leaves out: active, the search, in stock, featured. `indexed:
 * false` writes the search as a call no index answers (a walk in table order, facet-query.ts).
 */
export function sharedConditions(filters: ListingFilters, { indexed = true } = {}): Condition[] {
  const conditions: Condition[] = [isActive];
  if (filters.search) conditions.push((indexed ? searchMatch : searchTest)(filters.search));
  if (filters.inStock) conditions.push(eb.ref("p.inStock"));
  if (filters.featured) conditions.push(eb.ref("p.featured"));
  return conditions;
}

/** Each facet group's own filter, when it is set. */
export function groupConditions(filters: ListingFilters): Array<{ group: FacetGroup; condition: Condition }> {
  const groups: Array<{ group: FacetGroup; condition: Condition }> = [];
  if (filters.category) groups.push({ group: "category", condition: categorySubtree(filters.category) });
  if (filters.brands?.length) {
    const brandIds = eb
      .selectFrom("Brand as b")
      .select("b.id")
      .where("b.slug", "=", eb.fn<string>("any", [sql`${filters.brands}::text[]`]));
    groups.push({ group: "brand", condition: eb("p.brandId", "in", brandIds) });
  }
  const price: Condition[] = [];
  if (filters.priceMin !== undefined) price.push(eb("p.priceMin", ">=", filters.priceMin));
  if (filters.priceMax !== undefined) price.push(eb("p.priceMin", "<=", filters.priceMax));
  if (price.length) groups.push({ group: "price", condition: eb.and(price) });
  if (filters.minRating !== undefined) {
    const rated = eb.and([eb("p.ratingCount", ">", 0), eb("p.ratingAverage", ">=", filters.minRating)]);
    groups.push({ group: "rating", condition: rated });
  }
  for (const [name, values] of Object.entries(filters.options ?? {})) {
    groups.push({ group: { option: name }, condition: optionMatch(name, values) });
  }
  return groups;
}

const sameGroup = (a: FacetGroup, b: FacetGroup | undefined) =>
  typeof a === "object" ? typeof b === "object" && a.option === b.option : a === b;

/**
 * WHERE conditions for the product alias `p`, always restricted to active products: drafts and
 * archived products never reach shoppers. `except` leaves one facet group's filter out.
 */
export function filterConditions(filters: ListingFilters, except?: FacetGroup): Condition[] {
  return [
    ...sharedConditions(filters),
    ...groupConditions(filters)
      .filter(({ group }) => !sameGroup(group, except))
      .map(({ condition }) => condition),
  ];
}

export const whereAll = (conditions: Condition[]): Condition => eb.and(conditions);
