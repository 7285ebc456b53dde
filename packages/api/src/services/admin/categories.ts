import { qb, type Prisma, type PrismaClient } from "@shop/db";
import { prismaQuery } from "../../lib/sql.ts";
import { AppError } from "../../errors.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";

const categorySelect = { id: true, name: true, slug: true, description: true, parentId: true, position: true } as const;

/** A category's URL handle is unique: said on the field, in words, before writing. */
async function assertFreeSlug(tx: Prisma.TransactionClient, slug: string, id?: number) {
  const owner = await tx.category.findFirst({
    where: { slug, ...(id !== undefined && { id: { not: id } }) },
    select: { name: true },
  });
  if (owner)
    throw new AppError(
      "CONFLICT",
      `The category “${owner.name}” already uses the URL handle “${slug}”, choose another name`,
      {
        field: "slug",
      },
    );
}

/** Every category with its direct product count (all statuses), for the staff tree. */
export async function listAdminCategories(db: PrismaClient) {
  const categories = await db.category.findMany({
    select: {
      id: true,
      parentId: true,
      name: true,
      slug: true,
      description: true,
      position: true,
      _count: { select: { products: true } },
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return categories.map(({ _count, ...category }) => ({ ...category, productCount: _count.products }));
}

export async function createCategory(
  db: PrismaClient,
  actor: AuditActor,
  input: { name: string; slug: string; description: string | null; parentId: number | null },
) {
  return db.$transaction(async (tx) => {
    if (
      input.parentId !== null &&
      !(await tx.category.findUnique({ where: { id: input.parentId }, select: { id: true } }))
    ) {
      throw new AppError("NOT_FOUND", "No such parent category");
    }
    await assertFreeSlug(tx, input.slug);
    const last = await tx.category.aggregate({ where: { parentId: input.parentId }, _max: { position: true } });
    const category = await tx.category.create({
      data: { ...input, position: (last._max.position ?? -1) + 1 },
      select: categorySelect,
    });
    await recordAudit(tx, {
      actor,
      action: "category.create",
      entityType: "Category",
      entityId: category.id,
      after: category,
    });
    return { id: category.id };
  });
}

export async function updateCategory(
  db: PrismaClient,
  actor: AuditActor,
  input: { id: number; name: string; slug: string; description: string | null },
) {
  const { id, ...data } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.category.findUnique({ where: { id }, select: categorySelect });
    if (!before) throw new AppError("NOT_FOUND", "No such category");
    await assertFreeSlug(tx, data.slug, id);
    const after = await tx.category.update({ where: { id }, data, select: categorySelect });
    await recordAudit(tx, { actor, action: "category.update", entityType: "Category", entityId: id, before, after });
    return { id };
  });
}

/** A category and all its descendants. */
const subtreeQuery = (id: number) =>
  qb
    .withRecursive("tree(id)", (db) =>
      db
        .selectFrom("Category as c")
        .select("c.id")
        .where("c.id", "=", id)
        .union(db.selectFrom("Category as c").innerJoin("tree", "c.parentId", "tree.id").select("c.id")),
    )
    .selectFrom("tree")
    .select("tree.id");

/**
 * Moves a category to a new parent and position, renumbering both sibling lists. Refuses to
 * put a category inside itself or its own descendants (the tree would become a cycle).
 */
export async function moveCategory(
  db: PrismaClient,
  actor: AuditActor,
  input: { id: number; parentId: number | null; position: number },
) {
  return db.$transaction(async (tx) => {
    const category = await tx.category.findUnique({
      where: { id: input.id },
      select: { id: true, parentId: true, position: true },
    });
    if (!category) throw new AppError("NOT_FOUND", "No such category");
    if (input.parentId !== null) {
      const subtree = await prismaQuery(tx, subtreeQuery(input.id));
      if (subtree.some((row) => row.id === input.parentId))
        throw new AppError("BAD_INPUT", "A category cannot move inside itself");
      if (!(await tx.category.findUnique({ where: { id: input.parentId }, select: { id: true } })))
        throw new AppError("NOT_FOUND", "No such parent category");
    }
    const siblings = await tx.category.findMany({
      where: { parentId: input.parentId, id: { not: input.id } },
      select: { id: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const order = siblings.map((sibling) => sibling.id);
    order.splice(Math.min(input.position, order.length), 0, input.id);
    await tx.category.update({ where: { id: input.id }, data: { parentId: input.parentId } });
    for (const [position, id] of order.entries()) await tx.category.update({ where: { id }, data: { position } });
    if (category.parentId !== input.parentId) {
      const old = await tx.category.findMany({
        where: { parentId: category.parentId },
        select: { id: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      });
      for (const [position, sibling] of old.entries())
        await tx.category.update({ where: { id: sibling.id }, data: { position } });
    }
    const after = await tx.category.findUniqueOrThrow({
      where: { id: input.id },
      select: { parentId: true, position: true },
    });
    await recordAudit(tx, {
      actor,
      action: "category.move",
      entityType: "Category",
      entityId: input.id,
      before: { parentId: category.parentId, position: category.position },
      after,
    });
    return { id: input.id };
  });
}

/** Only a category without subcategories can go; its products become uncategorised. */
export async function deleteCategory(db: PrismaClient, actor: AuditActor, id: number) {
  return db.$transaction(async (tx) => {
    if (await tx.category.findFirst({ where: { parentId: id }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Move or delete its subcategories first");
    }
    const before = await tx.category.delete({ where: { id }, select: categorySelect });
    await recordAudit(tx, { actor, action: "category.delete", entityType: "Category", entityId: id, before });
    return { ok: true as const };
  });
}
