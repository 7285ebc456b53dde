import { ApiProvider } from "@shop/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { router } from "./router.tsx";
import "./styles.css";
import { ToastProvider } from "@shop/ui";

// Only a build with VITE_SENTRY_DSN loads Sentry (as a chunk of its own); without one, the
// condition is constant and the import disappears from the bundle.
const sentryDsn = import.meta.env.VITE_SENTRY_DSN;
if (sentryDsn) {
  void import("@shop/client/error-reporting").then(({ startErrorReporting }) =>
    startErrorReporting(sentryDsn, {
      app: "admin",
      environment: import.meta.env.MODE,
      release: import.meta.env.VITE_SENTRY_RELEASE,
    }),
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <ApiProvider apiBase={import.meta.env.VITE_API_URL ?? ""}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </ApiProvider>
  </StrictMode>,
);
