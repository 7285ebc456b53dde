import { ApiProvider, type ApiClients } from "@shop/client";
import { ToastProvider } from "@shop/ui";
import { useEffect, type ReactNode } from "react";
import { SiteProvider } from "./lib/site.tsx";

/** The providers every storefront page needs, around the router (browser) or the static router (server). */
export function App({ clients, origin, children }: { clients: ApiClients; origin: string; children: ReactNode }) {
  // Until React has hydrated the server's HTML, its buttons do nothing: browser tests wait for this.
  useEffect(() => document.documentElement.setAttribute("data-hydrated", ""), []);
  return (
    <SiteProvider origin={origin}>
      <ApiProvider apiBase="" clients={clients}>
        <ToastProvider>{children}</ToastProvider>
      </ApiProvider>
    </SiteProvider>
  );
}
