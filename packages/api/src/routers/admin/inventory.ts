import {
  DefaultThresholdSchema,
  InventoryListSchema,
  StockAdjustSchema,
  StockCsvImportSchema,
  StockHistorySchema,
  ThresholdSchema,
  VariantIdSchema,
} from "@shop/validators";
import { adjustStock, setDefaultThreshold, setThreshold } from "../../services/inventory/adjust.ts";
import { importStockCsv } from "../../services/inventory/csv-import.ts";
import { getDefaultThreshold, lowStockCount } from "../../services/inventory/low-stock.ts";
import { getStock, listStock, stockHistory } from "../../services/inventory/queries.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const adminInventoryRouter = router({
  list: staffProcedure.input(InventoryListSchema).query(({ ctx, input }) => listStock(ctx.db, input)),
  get: staffProcedure.input(VariantIdSchema).query(({ ctx, input }) => getStock(ctx.db, input.variantId)),
  history: staffProcedure.input(StockHistorySchema).query(({ ctx, input }) => stockHistory(ctx.db, input)),
  /** For the dashboard's low-stock tile. */
  lowStockCount: staffProcedure.query(({ ctx }) => lowStockCount(ctx.db)),
  adjust: staffProcedure
    .input(StockAdjustSchema)
    .mutation(({ ctx, input }) => adjustStock(ctx.db, ctx.auth.user, input, ctx.req.ip)),
  setThreshold: staffProcedure
    .input(ThresholdSchema)
    .mutation(({ ctx, input }) => setThreshold(ctx.db, ctx.auth.user, input, ctx.req.ip)),
  defaultThreshold: staffProcedure.query(async ({ ctx }) => ({ threshold: await getDefaultThreshold(ctx.db) })),
  setDefaultThreshold: staffProcedure
    .input(DefaultThresholdSchema)
    .mutation(({ ctx, input }) => setDefaultThreshold(ctx.db, ctx.auth.user, input.threshold, ctx.req.ip)),
  /** Bulk update by CSV: sku with quantity or delta; all rows or none. */
  importCsv: staffProcedure
    .input(StockCsvImportSchema)
    .mutation(({ ctx, input }) => importStockCsv(ctx.db, ctx.auth.user, input, ctx.req.ip)),
});
