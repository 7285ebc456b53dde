import { NavLink, Outlet, useLocation } from "react-router";
import { FormMessage } from "@shop/ui";

const tabs = [
  { to: "/account", label: "Profile", end: true },
  { to: "/account/orders", label: "Orders", end: false },
  { to: "/account/wishlist", label: "Wishlist", end: false },
  { to: "/account/reviews", label: "Reviews", end: false },
  { to: "/account/addresses", label: "Addresses", end: false },
  { to: "/account/sessions", label: "Devices", end: false },
];

export function AccountLayout() {
  const location = useLocation();
  const notice: unknown =
    location.state && typeof location.state === "object" && "notice" in location.state ? location.state.notice : null;
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Your account</h1>
      <nav aria-label="Account" className="mb-6 border-b border-line">
        <ul className="flex gap-4 overflow-x-auto">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  `inline-block border-b-2 px-1 pb-2 text-sm font-medium ${isActive ? "border-brand-600 text-brand-700" : "border-transparent text-muted hover:text-ink"}`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {typeof notice === "string" && (
        <div className="mb-4">
          <FormMessage success={notice} />
        </div>
      )}
      <Outlet />
    </div>
  );
}
