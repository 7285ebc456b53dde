import { Skeleton } from "@shop/ui";
import { Navigate, Outlet, useLocation } from "react-router";
import { useMe } from "../lib/session.ts";

/** Account pages need a signed-in shopper; others are sent to sign in and brought back. */
export function RequireShopper() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Skeleton className="h-64 w-full" />;
  if (!me.data)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
