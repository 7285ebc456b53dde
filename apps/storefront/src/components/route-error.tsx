import { ErrorState } from "@shop/ui";
import { useEffect } from "react";
import { Link, useRouteError } from "react-router";

export function RouteError() {
  const error = useRouteError();
  // React Router catches the error, so nothing global sees it: report it as uncaught (the
  // console, and Sentry's global handler when error reporting is on).
  useEffect(() => {
    if (error instanceof Error) window.reportError(error);
    else console.error(error);
  }, [error]);
  return (
    <main className="mx-auto max-w-xl p-8">
      <ErrorState message="This page failed to load." onRetry={() => window.location.reload()} />
      <Link to="/" className="mt-4 inline-block underline">
        Back to the home page
      </Link>
    </main>
  );
}
