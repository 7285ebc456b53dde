import { ByIdSchema, MailboxListSchema } from "@shop/validators";
import { getMailboxMessage, listMailbox } from "../../services/admin/mailbox.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const adminMailboxRouter = router({
  /** Whether the dev mailbox is on (no SMTP configured). */
  status: staffProcedure.query(({ ctx }) => ({
    enabled: ctx.config.devMailbox,
    showsSecrets: ctx.config.mailboxShowsSecrets,
  })),
  list: staffProcedure
    .input(MailboxListSchema)
    .query(({ ctx, input }) => listMailbox(ctx.db, ctx.config.devMailbox, input)),
  get: staffProcedure
    .input(ByIdSchema)
    .query(({ ctx, input }) =>
      getMailboxMessage(
        ctx.db,
        { enabled: ctx.config.devMailbox, showSecrets: ctx.config.mailboxShowsSecrets },
        input.id,
      ),
    ),
});
