import { InventoryReason } from "@shop/db/enums";
import { z } from "zod";
import type { Fits, Out } from "./fits.ts";
import type { adjustStock, setThreshold } from "../services/inventory/adjust.ts";
import type { getStock, listStock, stockHistory, StockPage, StockRow } from "../services/inventory/queries.ts";

// A variant's stock movements (see outputs/catalog.ts for how this stays true). Stock rows are
// `StockRow`, the schema their SQL is parsed with (services/inventory/queries.ts).

const id = z.number().int();

export const StockHistoryOutput = z.object({
  items: z.array(
    z.object({
      id,
      reason: z.enum(InventoryReason),
      delta: z.number().int(),
      reservedDelta: z.number().int(),
      stockAfter: z.number().int(),
      reservedAfter: z.number().int(),
      note: z.string().nullable(),
      createdAt: z.date(),
      actor: z.object({ id, name: z.string(), email: z.string() }).nullable(),
      order: z.object({ id, number: z.number().int() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<Out<typeof stockHistory>>;

// The services' answers fit the documented schemas (see fits.ts).
export type InventoryFits = [
  Fits<Out<typeof stockHistory>, typeof StockHistoryOutput>,
  Fits<Out<typeof listStock>, typeof StockPage>,
  Fits<Out<typeof getStock>, typeof StockRow>,
  Fits<Out<typeof adjustStock>, typeof StockRow>,
  Fits<Out<typeof setThreshold>, typeof StockRow>,
];
