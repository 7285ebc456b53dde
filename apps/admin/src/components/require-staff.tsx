import { useTRPC } from "@shop/client";
import { ErrorState, Skeleton } from "@shop/ui";
import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";

/** The back office is for staff and admins; everyone else is sent to sign in. */
export function RequireStaff() {
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) return <Skeleton className="m-8 h-40" />;
  if (me.isError) return <ErrorState message="Could not reach the shop." onRetry={() => void me.refetch()} />;
  if (!me.data || me.data.role === "CUSTOMER") {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  return <Outlet context={me.data} />;
}
