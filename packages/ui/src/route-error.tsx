import { useEffect, type ReactNode } from "react";
import { ErrorState } from "./states.tsx";

/**
 * A route that failed to load or render. The router catches the error, so nothing global sees
 * it: it is reported as uncaught (the console, and Sentry's global handler when error reporting
 * is on). `home` is the app's way back.
 */
export function RouteErrorState({ error, home }: { error: unknown; home: ReactNode }) {
  useEffect(() => {
    if (error instanceof Error) window.reportError(error);
    else console.error(error);
  }, [error]);
  return (
    <main className="mx-auto max-w-xl p-8">
      <ErrorState message="This page failed to load." onRetry={() => window.location.reload()} />
      <div className="mt-4">{home}</div>
    </main>
  );
}
