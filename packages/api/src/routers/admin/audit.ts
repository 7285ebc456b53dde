import { AuditListSchema } from "@shop/validators";
import { auditFacets, listAudit } from "../../services/audit/list.ts";
import { adminProcedure, router } from "../../trpc.ts";

// Read-only on purpose: no procedure changes audit records (a trigger refuses it anyway).
// Browsing is for admins: the trail shows every staff member's actions.
export const adminAuditRouter = router({
  list: adminProcedure.input(AuditListSchema).query(({ ctx, input }) => listAudit(ctx.db, input)),
  facets: adminProcedure.query(({ ctx }) => auditFacets(ctx.db)),
});
