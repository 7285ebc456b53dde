import { RouteErrorState } from "@shop/ui";
import { Link, useRouteError } from "react-router";

export function RouteError() {
  return (
    <RouteErrorState
      error={useRouteError()}
      home={
        <Link to="/" className="underline">
          Back to the admin home
        </Link>
      }
    />
  );
}
