import { todoCounts } from "../../services/admin/todo.ts";
import { router, staffProcedure } from "../../trpc.ts";

/** The admin home's to-do list: counts that each open a filtered list. */
export const adminTodoRouter = router({
  get: staffProcedure.query(({ ctx }) => todoCounts(ctx.db)),
});
