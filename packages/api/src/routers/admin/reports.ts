import { DashboardInputSchema, ReportInputSchema } from "@shop/validators";
import { reportCsv } from "../../services/reports/csv.ts";
import { salesDashboard } from "../../services/reports/dashboard.ts";
import { runReport } from "../../services/reports/run-report.ts";
import { router, staffProcedure } from "../../trpc.ts";

// Read-only: reports change nothing, so there is nothing to audit.
export const adminReportsRouter = router({
  dashboard: staffProcedure.input(DashboardInputSchema).query(({ ctx, input }) => salesDashboard(ctx.db, input)),
  get: staffProcedure.input(ReportInputSchema).query(({ ctx, input }) => runReport(ctx.db, input)),
  exportCsv: staffProcedure.input(ReportInputSchema).query(({ ctx, input }) => reportCsv(ctx.db, input)),
});
