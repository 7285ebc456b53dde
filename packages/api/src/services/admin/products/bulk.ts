import type { PrismaClient } from "@shop/db";
import { AppError } from "../../../errors.ts";

export type BulkAction = "publish" | "unpublish" | "archive" | "feature" | "unfeature";

/** One action on a selection of products, all or nothing. Publishing needs a priced variant. */
export async function bulkUpdateProducts(db: PrismaClient, input: { ids: number[]; action: BulkAction }) {
  return db.$transaction(async (tx) => {
    if (input.action === "publish") {
      const unpublishable = await tx.product.findMany({
        where: { id: { in: input.ids }, variants: { none: { price: { gt: 0 } } } },
        select: { name: true },
        take: 5,
      });
      if (unpublishable.length > 0) {
        throw new AppError("PRECONDITION_FAILED", `Add a priced variant before publishing: ${unpublishable.map((p) => p.name).join(", ")}`);
      }
      await tx.product.updateMany({ where: { id: { in: input.ids }, publishedAt: null }, data: { publishedAt: new Date() } });
    }
    const data =
      input.action === "publish" ? { status: "ACTIVE" as const }
      : input.action === "unpublish" ? { status: "DRAFT" as const }
      : input.action === "archive" ? { status: "ARCHIVED" as const }
      : { featured: input.action === "feature" };
    const { count } = await tx.product.updateMany({ where: { id: { in: input.ids } }, data });
    return { updated: count };
  });
}
