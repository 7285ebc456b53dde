import { isRouteErrorResponse, useRouteError } from "react-router";
import { NotFoundPage } from "../pages/not-found.tsx";
import { ProductGone } from "./product-gone.tsx";
import { RouteError } from "./route-error.tsx";

/** The details of `catalog.get`'s NOT_FOUND for an archived product, as the loader passed them on. */
function goneDetails(data: unknown) {
  if (typeof data !== "object" || data === null) return null;
  const text = (key: string) => {
    const value: unknown = Reflect.get(data, key);
    return typeof value === "string" ? value : undefined;
  };
  const name = text("name");
  return name === undefined ? null : { name, categorySlug: text("categorySlug"), categoryName: text("categoryName") };
}

/** A page's loader said 404 or 410 (answered with that status by the server), or the page failed. */
export function PageError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const gone = isRouteErrorResponse(error) && error.status === 410 ? goneDetails(error.data) : null;
  if (gone) return <ProductGone {...gone} />;
  return <RouteError />;
}
