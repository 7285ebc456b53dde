import { RouteErrorState } from "@shop/ui";
import { useRouteError } from "react-router";
import { Link } from "./link.tsx";

export function RouteError() {
  return (
    <RouteErrorState
      error={useRouteError()}
      home={
        <Link to="/" className="underline">
          Back to the home page
        </Link>
      }
    />
  );
}
