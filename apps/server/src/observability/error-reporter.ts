import type { ErrorEvent } from "@sentry/node";

/** Where unexpected server errors go besides the log: Sentry when SENTRY_DSN is set. */
export type ErrorReporter = {
  capture(error: unknown, context: { path?: string; requestId?: string }): void;
  close(): Promise<void>;
};

const noop: ErrorReporter = { capture() {}, close: async () => {} };

/**
 * Without a DSN this is a no-op and @sentry/node is never loaded. With one, it is a client of its
 * own (not Sentry's global hub), so it reports only what is handed to it: no automatic request,
 * HTTP or console instrumentation that could pick up cookies, headers or bodies.
 */
export async function createErrorReporter(options: {
  dsn?: string;
  environment: string;
  release?: string;
}): Promise<ErrorReporter> {
  if (!options.dsn) return noop;
  const Sentry = await import("@sentry/node");
  const client = new Sentry.NodeClient({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    integrations: [Sentry.linkedErrorsIntegration(), Sentry.dedupeIntegration()],
    transport: Sentry.makeNodeTransport,
    stackParser: Sentry.defaultStackParser,
    // Belt and braces: nothing is instrumented, and nothing could be collected if it were.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      stackFrameVariables: false,
    },
    beforeSend: scrub,
    beforeBreadcrumb: () => null,
  });
  client.init();
  return {
    capture(error, context) {
      const scope = new Sentry.Scope();
      scope.setClient(client);
      if (context.path) scope.setTag("trpc.path", context.path);
      if (context.requestId) scope.setTag("request_id", context.requestId);
      client.captureException(error, {}, scope);
    },
    async close() {
      await client.close(2_000);
    },
  };
}

/**
 * Nothing about the request or the person leaves the server: no cookies, headers, body, query
 * string or user (IP included). The error, its stack and the procedure's name are enough to
 * find the bug; the request id leads to the log lines for the rest.
 */
export function scrub(event: ErrorEvent): ErrorEvent {
  const { request, user: _user, breadcrumbs: _breadcrumbs, ...rest } = event;
  return request ? { ...rest, request: { method: request.method, url: request.url?.split("?")[0] } } : rest;
}
