import { AdminCustomerListSchema, ByIdSchema, SetUserDisabledSchema, SetUserRoleSchema } from "@shop/validators";
import { getCustomer, listCustomers, setUserDisabled, setUserRole } from "../../services/admin/customers.ts";
import { adminProcedure, router, staffProcedure } from "../../trpc.ts";

export const adminCustomersRouter = router({
  list: staffProcedure.input(AdminCustomerListSchema).query(({ ctx, input }) => listCustomers(ctx.db, input)),
  get: staffProcedure.input(ByIdSchema).query(({ ctx, input }) => getCustomer(ctx.db, input.id)),
  setDisabled: staffProcedure
    .input(SetUserDisabledSchema)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.auth.user, { ...input, ip: ctx.req.ip })),
  setRole: adminProcedure
    .input(SetUserRoleSchema)
    .mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.auth.user, { ...input, ip: ctx.req.ip })),
});
