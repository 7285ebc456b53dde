import {
  AdminCustomerListSchema,
  ByIdSchema,
  ForcePasswordResetSchema,
  SetUserDisabledSchema,
  SetUserRoleSchema,
} from "@shop/validators";
import { forcePasswordReset } from "../../services/auth/force-reset.ts";
import { getCustomer, listCustomers, setUserDisabled, setUserRole } from "../../services/admin/customers.ts";
import { CustomerListOutput, CustomerOutput } from "../../outputs/customers.ts";
import { adminProcedure, apiStaffProcedure, router, staffProcedure } from "../../trpc.ts";

export const adminCustomersRouter = router({
  list: apiStaffProcedure({
    scope: "customers:read",
    rest: { method: "GET", path: "/customers", summary: "Customer accounts, filtered", output: CustomerListOutput },
  })
    .input(AdminCustomerListSchema)
    .query(({ ctx, input }) => listCustomers(ctx.db, input)),
  get: apiStaffProcedure({
    scope: "customers:read",
    rest: {
      method: "GET",
      path: "/customers/{id}",
      summary: "A customer with addresses and order summary",
      output: CustomerOutput,
    },
  })
    .input(ByIdSchema)
    .query(({ ctx, input }) => getCustomer(ctx.db, input.id)),
  setDisabled: staffProcedure
    .input(SetUserDisabledSchema)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.auth.user, { ...input, ip: ctx.req.ip })),
  setRole: adminProcedure
    .input(SetUserRoleSchema)
    .mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.auth.user, { ...input, ip: ctx.req.ip })),
  /**
   * Ends the account's password and sessions and emails it a reset link (audited). The acting
   * admin never sees the link: it goes to the account's own address.
   */
  forcePasswordReset: adminProcedure
    .input(ForcePasswordResetSchema)
    .mutation(({ ctx, input }) =>
      forcePasswordReset(ctx.db, ctx.auth.user, { ...input, ip: ctx.req.ip, publicUrl: ctx.config.publicUrl }),
    ),
});
