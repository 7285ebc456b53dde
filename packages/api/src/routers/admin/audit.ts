import { AuditListSchema } from "@shop/validators";
import { withEntityLabels } from "../../services/audit/labels.ts";
import { auditFacets, listAudit } from "../../services/audit/list.ts";
import { adminProcedure, router } from "../../trpc.ts";

// Read-only on purpose: no procedure changes audit records (a trigger refuses it anyway).
// Browsing is for admins: the trail shows every staff member's actions.
export const adminAuditRouter = router({
  list: adminProcedure
    .input(AuditListSchema)
    .query(async ({ ctx, input }) => withEntityLabels(ctx.db, ctx.config, await listAudit(ctx.db, input))),
  facets: adminProcedure.query(({ ctx }) => auditFacets(ctx.db)),
});
