import { isRouteErrorResponse, useRouteError } from "react-router";
import { z } from "zod";
import { NotFoundPage } from "../pages/not-found.tsx";
import { ProductGone } from "./product-gone.tsx";
import { RouteError } from "./route-error.tsx";

const Gone = z.object({ name: z.string(), categorySlug: z.string().optional(), categoryName: z.string().optional() });

/** A page's loader said 404 or 410 (answered with that status by the server), or the page failed. */
export function PageError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const gone = isRouteErrorResponse(error) && error.status === 410 ? Gone.safeParse(error.data) : null;
  if (gone?.success) return <ProductGone {...gone.data} />;
  return <RouteError />;
}
