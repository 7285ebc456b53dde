import * as Sentry from "@sentry/react";

/**
 * Browser error reporting. The apps import this module dynamically and only when their build
 * has VITE_SENTRY_DSN, so without a DSN none of Sentry is in their bundles.
 *
 * Nothing about the shopper is sent: no cookies, headers, request bodies, query strings (search
 * terms, emails, reset tokens live there), user or IP, and no breadcrumbs (they record URLs and
 * clicks). The error and its stack are enough.
 */
export function startErrorReporting(
  dsn: string,
  options: { app: "storefront" | "admin"; environment?: string; release?: string },
) {
  Sentry.init({
    dsn,
    environment: options.environment,
    release: options.release,
    initialScope: { tags: { app: options.app } },
    integrations: (defaults) => defaults.filter((integration) => integration.name !== "Breadcrumbs"),
    maxBreadcrumbs: 0,
    dataCollection: { userInfo: false, cookies: false, httpHeaders: false, httpBodies: [], urlQueryParams: false },
    beforeSend: scrubBrowserEvent,
  });
}

export function scrubBrowserEvent(event: Sentry.ErrorEvent): Sentry.ErrorEvent {
  const { request, user: _user, breadcrumbs: _breadcrumbs, ...rest } = event;
  return request ? { ...rest, request: { url: request.url?.split(/[?#]/)[0] } } : rest;
}
