import type { RouterOutputs } from "@shop/api";
import { useOutletContext } from "react-router";

export type Staff = NonNullable<RouterOutputs["auth"]["me"]>;

/** The signed-in staff member, provided by RequireStaff to every page below it. */
export function useStaff(): Staff {
  return useOutletContext<Staff>();
}
