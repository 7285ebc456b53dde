import { router, staffProcedure } from "../../trpc.ts";

// What the back office needs to know about the shop's configuration: money fields convert what
// staff type (major units) into the currency's minor units.
export const adminSettingsRouter = router({
  get: staffProcedure.query(({ ctx }) => ({ currency: ctx.config.currency })),
});
