import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@shop/db";
import { ImageRefused, ImageTooLarge, prepareUpload, readUpload, storeImage } from "@shop/media";
import type { ApiConfig } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { recordAudit, type AuditActor } from "../../audit/record.ts";
import { imageSelect, toImage } from "../../../selects/product.ts";

const refusal = (error: unknown) =>
  error instanceof ImageRefused
    ? new AppError(error instanceof ImageTooLarge ? "TOO_LARGE" : "BAD_INPUT", error.message)
    : error;

/**
 * Checks an uploaded image (type from its bytes, size and pixel caps, no SVG), stores it with its
 * smaller widths, metadata stripped, and appends it to the product's gallery. The file arrives as
 * a stream and is read no further than 5 MB. The files are written first: a failed insert leaves
 * unreferenced files (harmless), never a row pointing at nothing. A refusal says why, in words
 * staff can act on.
 */
export async function uploadImage(
  db: PrismaClient,
  config: ApiConfig,
  actor: AuditActor,
  input: { productId: number; alt: string; file: ReadableStream<Uint8Array> },
) {
  const product = await db.product.findUnique({ where: { id: input.productId }, select: { id: true, name: true } });
  if (!product) {
    await input.file.cancel();
    throw new AppError("NOT_FOUND", "No such product");
  }
  const prepared = await readUpload(input.file)
    .then(prepareUpload)
    .catch((error: unknown) => {
      throw refusal(error);
    });
  const stem = `products/${product.id}/${randomBytes(12).toString("hex")}`;
  const stored = await storeImage(config.storage, stem, prepared).catch(() => {
    throw new AppError("UNAVAILABLE", "The image storage is not answering; nothing was saved. Try again in a moment.");
  });
  const image = await db.$transaction(async (tx) => {
    const last = await tx.productImage.aggregate({ where: { productId: product.id }, _max: { position: true } });
    const created = await tx.productImage.create({
      data: {
        productId: product.id,
        ...stored,
        alt: input.alt || product.name,
        position: (last._max.position ?? -1) + 1,
      },
      select: imageSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "product.image.add",
      entityType: "Product",
      entityId: product.id,
      after: { imageId: created.id, path: stored.path, alt: created.alt },
    });
    return created;
  });
  return toImage(config, image);
}

/**
 * Reorders (the first becomes primary), renames and removes a product's images in one go. A
 * removed image's files are queued for deletion by a trigger in the same transaction and
 * deleted by the media worker after the commit.
 */
export async function updateImages(
  db: PrismaClient,
  config: ApiConfig,
  actor: AuditActor,
  input: { productId: number; images: Array<{ id: number; alt: string }> },
) {
  await db.$transaction(async (tx) => {
    const current = await tx.productImage.findMany({
      where: { productId: input.productId },
      select: { id: true, alt: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const known = new Set(current.map((image) => image.id));
    if (input.images.some((image) => !known.has(image.id)))
      throw new AppError("BAD_INPUT", "An image does not belong to this product");
    const keep = new Set(input.images.map((image) => image.id));
    const gone = current.filter((image) => !keep.has(image.id));
    await tx.productImage.deleteMany({ where: { id: { in: gone.map((image) => image.id) } } });
    for (const [position, image] of input.images.entries()) {
      await tx.productImage.update({ where: { id: image.id }, data: { position, alt: image.alt } });
    }
    await recordAudit(tx, {
      actor,
      action: "product.images",
      entityType: "Product",
      entityId: input.productId,
      before: current.map((image) => ({ id: image.id, alt: image.alt })),
      after: input.images.map((image) => ({ id: image.id, alt: image.alt })),
    });
  });
  const images = await db.productImage.findMany({
    where: { productId: input.productId },
    select: imageSelect,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return images.map((image) => toImage(config, image));
}
