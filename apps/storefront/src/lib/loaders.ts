import { isClientError, type ApiClients } from "@shop/client";
import { data, redirect, type LoaderFunctionArgs } from "react-router";
import { filtersFromParams } from "./listing-params.ts";
import {
  bestSellersInput,
  brandShelfInput,
  featuredInput,
  listingQuery,
  newArrivalsInput,
  reviewsQuery,
} from "./queries.ts";

/**
 * Route loaders run in two places. On the server they wait for the page's data (it is rendered
 * into the HTML and handed to the browser in the page's state) and turn a missing product or
 * category into its status code. In the browser they only start the queries, in parallel with
 * downloading the page's code, and never hold navigation up: the page shows its own loading and
 * error states.
 */
export type RenderMode = "server" | "browser";
export type Clients = Pick<ApiClients, "queryClient" | "trpc" | "trpcClient">;
/**
 * The clients a loader fetches with: in the browser the app's own; on the server the request's
 * (the routes are built once and serve every page rendered, each with its own query cache).
 */
export type ClientsFor = (args: LoaderFunctionArgs) => Clients;
type Load = (clients: Clients, args: LoaderFunctionArgs) => Promise<unknown>;

export function loader(mode: RenderMode, clientsFor: ClientsFor, load: Load) {
  return async (args: LoaderFunctionArgs) => {
    const loading = load(clientsFor(args), args);
    if (mode === "browser") loading.catch(() => undefined);
    else await loading;
    return null;
  };
}

/** The layout's category links, on every page. */
export const loadLayout: Load = ({ queryClient, trpc }) =>
  queryClient.fetchQuery(trpc.catalog.categories.queryOptions());

export const loadHome: Load = async ({ queryClient, trpc }) => {
  await Promise.all([
    queryClient.fetchQuery(trpc.catalog.list.queryOptions(featuredInput)),
    queryClient.fetchQuery(trpc.catalog.list.queryOptions(newArrivalsInput)),
    queryClient.fetchQuery(trpc.catalog.list.queryOptions(bestSellersInput)),
  ]);
};

/** Search results and category pages; an unknown category is a 404, a malformed cursor too. */
export const loadListing: Load = async (clients, { params, request }) => {
  const { queryClient, trpc } = clients;
  const search = new URL(request.url).searchParams;
  const { sort, ...filters } = filtersFromParams(search, params.slug);
  const [categories] = await Promise.all([
    queryClient.fetchQuery(trpc.catalog.categories.queryOptions()),
    queryClient.fetchInfiniteQuery(listingQuery(clients, filters, sort, search.get("cursor"))).catch(statusFor),
    queryClient.fetchQuery(trpc.catalog.facets.queryOptions(filters)),
  ]);
  if (params.slug && !hasCategory(categories, params.slug)) {
    // A renamed category's old links answer 301 to its current slug (its slug history).
    const { movedTo } = await queryClient.fetchQuery(trpc.catalog.categoryMoved.queryOptions({ slug: params.slug }));
    if (movedTo !== null) throw redirect(`/c/${movedTo}${new URL(request.url).search}`, 301);
    throw data(null, { status: 404 });
  }
};

/** A product page; on the server also its first reviews (shown without JavaScript, and in its structured data). */
export const loadProduct =
  (mode: RenderMode): Load =>
  async (clients, { params, request }) => {
    const { queryClient, trpc } = clients;
    const product = await queryClient
      .fetchQuery(trpc.catalog.get.queryOptions({ slug: params.slug ?? "" }))
      .catch((error: unknown) => productMissing(error, new URL(request.url).search));
    if (mode === "server") await queryClient.prefetchInfiniteQuery(reviewsQuery(clients, product.id));
  };

/** A brand's page; an unknown brand is a 404. */
export const loadBrand: Load = async ({ queryClient, trpc }, { params }) => {
  const slug = params.slug ?? "";
  await Promise.all([
    queryClient.fetchQuery(trpc.catalog.brand.queryOptions({ slug })).catch(statusFor),
    queryClient.fetchQuery(trpc.catalog.list.queryOptions(brandShelfInput(slug))).catch(statusFor),
  ]);
};

/** Any path the shop does not have. */
export const notFound = () => {
  throw data(null, { status: 404 });
};

/** What `catalog.get`'s NOT_FOUND says: moved (301 to the new slug), archived (410) or unknown (404). */
function productMissing(error: unknown, search: string): never {
  if (!isClientError(error) || error.data?.code !== "NOT_FOUND") throw error;
  const details = error.data.details;
  if (typeof details?.movedTo === "string") throw redirect(`/p/${details.movedTo}${search}`, 301);
  if (details?.archived === true) throw data(details, { status: 410 });
  throw data(null, { status: 404 });
}

function statusFor(error: unknown): never {
  if (isClientError(error) && (error.data?.code === "BAD_REQUEST" || error.data?.code === "NOT_FOUND"))
    throw data(null, { status: 404 });
  throw error;
}

type Tree = ReadonlyArray<{ slug: string; children: Tree }>;
const hasCategory = (nodes: Tree, slug: string): boolean =>
  nodes.some((node) => node.slug === slug || hasCategory(node.children, slug));
