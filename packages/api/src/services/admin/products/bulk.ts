import type { PrismaClient } from "@shop/db";
import { MAX_PRODUCT_TAGS } from "@shop/validators";
import { AppError } from "../../../errors.ts";
import { jsonSnapshot, recordAudits, type AuditActor } from "../../audit/record.ts";

export type BulkAction = "publish" | "unpublish" | "archive" | "feature" | "unfeature";
export type BulkInput =
  | { ids: number[]; action: BulkAction }
  | { ids: number[]; action: "setCategory"; categoryId: number | null }
  | { ids: number[]; action: "addTags"; tags: string[] };

const auditAction = (input: BulkInput) =>
  input.action === "setCategory"
    ? "product.category"
    : input.action === "addTags"
      ? "product.tags"
      : `product.${input.action}`;

/**
 * One action on a selection of products, all or nothing, with an audit record a product.
 * Publishing needs a priced variant.
 */
export async function bulkUpdateProducts(db: PrismaClient, actor: AuditActor, input: BulkInput) {
  return db.$transaction(async (tx) => {
    const state = { id: true, status: true, featured: true, publishedAt: true, categoryId: true, tags: true } as const;
    const before = await tx.product.findMany({
      where: { id: { in: input.ids } },
      select: state,
      orderBy: { id: "asc" },
    });
    if (input.action === "publish") {
      const unpublishable = await tx.product.findMany({
        where: { id: { in: input.ids }, variants: { none: { price: { gt: 0 } } } },
        select: { name: true },
        take: 5,
      });
      if (unpublishable.length > 0) {
        throw new AppError(
          "PRECONDITION_FAILED",
          `Add a priced variant before publishing: ${unpublishable.map((p) => p.name).join(", ")}`,
        );
      }
      await tx.product.updateMany({
        where: { id: { in: input.ids }, publishedAt: null },
        data: { publishedAt: new Date() },
      });
    }
    if (input.action === "setCategory" && input.categoryId !== null) {
      const category = await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } });
      if (!category) throw new AppError("NOT_FOUND", "That category no longer exists");
    }
    let count = 0;
    if (input.action === "addTags") {
      // Each product keeps its own tags and gains the new ones, once.
      for (const row of before) {
        const tags = [...new Set([...row.tags, ...input.tags])];
        if (tags.length > MAX_PRODUCT_TAGS) {
          const { name } = await tx.product.findUniqueOrThrow({ where: { id: row.id }, select: { name: true } });
          throw new AppError("BAD_INPUT", `“${name}” would have more than ${MAX_PRODUCT_TAGS} tags`, { field: "tags" });
        }
        await tx.product.update({ where: { id: row.id }, data: { tags } });
        count++;
      }
    } else count = (await tx.product.updateMany({ where: { id: { in: input.ids } }, data: bulkData(input) })).count;
    const after = new Map(
      (await tx.product.findMany({ where: { id: { in: input.ids } }, select: state })).map((row) => [row.id, row]),
    );
    await recordAudits(
      tx,
      before.map(({ id, ...was }) => {
        const now = after.get(id);
        return {
          actor,
          action: auditAction(input),
          entityType: "Product",
          entityId: id,
          before: jsonSnapshot(was),
          after: jsonSnapshot(
            now && {
              status: now.status,
              featured: now.featured,
              publishedAt: now.publishedAt,
              categoryId: now.categoryId,
              tags: now.tags,
            },
          ),
        };
      }),
    );
    return { updated: count };
  });
}

/** The columns one of the plain actions sets on every selected product. */
function bulkData(input: Exclude<BulkInput, { action: "addTags" }>) {
  return input.action === "setCategory"
    ? { categoryId: input.categoryId }
    : input.action === "publish"
      ? { status: "ACTIVE" as const }
      : input.action === "unpublish"
        ? { status: "DRAFT" as const }
        : input.action === "archive"
          ? { status: "ARCHIVED" as const }
          : { featured: input.action === "feature" };
}
