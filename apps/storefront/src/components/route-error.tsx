import { ErrorState } from "@shop/ui";
import { Link, useRouteError } from "react-router";

export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="mx-auto max-w-xl p-8">
      <ErrorState message="This page failed to load." onRetry={() => window.location.reload()} />
      <Link to="/" className="mt-4 inline-block underline">
        Back to the home page
      </Link>
    </main>
  );
}
