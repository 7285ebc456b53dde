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
import { getStock, listStock, StockPage, StockRow, stockHistory } from "../../services/inventory/queries.ts";
import { StockHistoryOutput } from "../../outputs/inventory.ts";
import { apiStaffProcedure, router, staffProcedure } from "../../trpc.ts";

// Stock changes change what shoppers see (availability): the server empties the catalog caches
// after each. Low-stock thresholds are for staff only.
const catalogEdit = staffProcedure.meta({ invalidatesCatalog: true });

export const adminInventoryRouter = router({
  list: apiStaffProcedure({
    scope: "inventory:read",
    rest: { method: "GET", path: "/inventory", summary: "Stock levels per variant", output: StockPage },
  })
    .input(InventoryListSchema)
    .query(({ ctx, input }) => listStock(ctx.db, input)),
  get: apiStaffProcedure({
    scope: "inventory:read",
    rest: { method: "GET", path: "/inventory/{variantId}", summary: "Stock of one variant", output: StockRow },
  })
    .input(VariantIdSchema)
    .query(({ ctx, input }) => getStock(ctx.db, input.variantId)),
  history: apiStaffProcedure({
    scope: "inventory:read",
    rest: {
      method: "GET",
      path: "/inventory/{variantId}/movements",
      summary: "Stock movements of one variant, newest first",
      output: StockHistoryOutput,
    },
  })
    .input(StockHistorySchema)
    .query(({ ctx, input }) => stockHistory(ctx.db, input)),
  /** For the dashboard's low-stock tile. */
  lowStockCount: staffProcedure.query(({ ctx }) => lowStockCount(ctx.db)),
  adjust: apiStaffProcedure({
    scope: "inventory:write",
    rest: {
      method: "POST",
      path: "/inventory/{variantId}/adjustments",
      summary: "Add or remove units with a reason",
      output: StockRow,
    },
  })
    .meta({ invalidatesCatalog: true })
    .input(StockAdjustSchema)
    .mutation(({ ctx, input }) => adjustStock(ctx.db, ctx.auth.user, input, ctx.req.ip)),
  setThreshold: apiStaffProcedure({
    scope: "inventory:write",
    rest: {
      method: "PUT",
      path: "/inventory/{variantId}/threshold",
      summary: "Set the low-stock threshold of one variant (null: the shop default)",
      output: StockRow,
    },
  })
    .input(ThresholdSchema)
    .mutation(({ ctx, input }) => setThreshold(ctx.db, ctx.auth.user, input, ctx.req.ip)),
  defaultThreshold: staffProcedure.query(async ({ ctx }) => ({ threshold: await getDefaultThreshold(ctx.db) })),
  setDefaultThreshold: staffProcedure
    .input(DefaultThresholdSchema)
    .mutation(({ ctx, input }) => setDefaultThreshold(ctx.db, ctx.auth.user, input.threshold, ctx.req.ip)),
  /** Bulk update by CSV: sku with quantity or delta; all rows or none. */
  importCsv: catalogEdit
    .input(StockCsvImportSchema)
    .mutation(({ ctx, input }) => importStockCsv(ctx.db, ctx.auth.user, input, ctx.req.ip)),
});
