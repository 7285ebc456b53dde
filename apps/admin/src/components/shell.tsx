import { useTRPC } from "@shop/client";
import { Button, SkipLink, usePageMeta } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useStaff } from "../lib/me.ts";
import { GlobalSearch } from "./global-search.tsx";
import { WebhookNotice } from "./webhook-notice.tsx";

// The same sections on every page; "Audit", "Webhooks" and "API keys" only for admins, whom their procedures serve.
const sections = [
  { to: "/", label: "To do", end: true },
  { to: "/dashboard", label: "Dashboard" },
  { to: "/products", label: "Products" },
  { to: "/inventory", label: "Inventory" },
  { to: "/orders", label: "Orders" },
  { to: "/returns", label: "Returns" },
  { to: "/customers", label: "Customers" },
  { to: "/coupons", label: "Coupons" },
  { to: "/reviews", label: "Reviews" },
  { to: "/reports", label: "Reports" },
  { to: "/audit", label: "Audit", adminOnly: true },
  { to: "/webhooks", label: "Webhooks", adminOnly: true },
  { to: "/api-keys", label: "API keys", adminOnly: true },
  { to: "/funnel", label: "Funnel" },
  { to: "/mailbox", label: "Mailbox" },
  { to: "/categories", label: "Categories" },
  { to: "/brands", label: "Brands" },
];

export function Shell() {
  const staff = useStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // Choosing a section (or any navigation) folds the phone menu away again.
  useEffect(() => setMenuOpen(false), [pathname]);
  // Tabs and history entries name the section they show.
  const section = sections.find((candidate) => pathname === candidate.to || pathname.startsWith(`${candidate.to}/`));
  usePageMeta(`${section?.label ?? "Not found"} · Shop admin`);
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: async () => {
        queryClient.clear();
        await navigate("/sign-in");
      },
    }),
  );
  return (
    <div className="min-h-screen md:grid md:grid-cols-[14rem_1fr] print:block">
      <SkipLink />
      <aside className="border-b border-line bg-subtle p-4 md:border-b-0 md:border-r print:hidden">
        <div className="flex items-start justify-between gap-3">
          <div>
            <p className="font-bold">Shop admin</p>
            <p className="text-sm text-muted md:mb-4">
              {staff.name} · {staff.role.toLowerCase()}
            </p>
          </div>
          {/* On a phone the menu would fill the first screen: it folds behind this button. */}
          <Button
            variant="secondary"
            className="md:hidden"
            aria-expanded={menuOpen}
            aria-controls="admin-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? "Close menu" : "Menu"}
          </Button>
        </div>
        <div id="admin-menu" className={`${menuOpen ? "mt-4 block" : "hidden"} md:mt-0 md:block`}>
          <div className="mb-4">
            <GlobalSearch />
          </div>
          <nav aria-label="Sections">
            <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
              {sections
                .filter((section) => !section.adminOnly || staff.role === "ADMIN")
                .map((section) => (
                  <li key={section.to}>
                    <NavLink
                      to={section.to}
                      end={section.end}
                      className={({ isActive }) =>
                        `block rounded-md px-3 py-2 text-sm ${isActive ? "bg-brand-600 text-white" : "hover:bg-line"}`
                      }
                    >
                      {section.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <Button variant="ghost" className="mt-6" onClick={() => signOut.mutate()}>
            Sign out
          </Button>
        </div>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 p-4 focus:outline-none md:p-8 print:p-0">
        {staff.role === "ADMIN" && <WebhookNotice />}
        <Outlet context={staff} />
      </main>
    </div>
  );
}
