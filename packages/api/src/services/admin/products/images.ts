import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@shop/db";
import type { ApiConfig } from "../../../context.ts";
import { AppError } from "../../../errors.ts";
import { recordAudit, type AuditActor } from "../../audit/record.ts";
import { imageInfo } from "../../../lib/image-info.ts";
import { webpCopy } from "../../../lib/webp.ts";
import { imageSelect, toImage } from "../../../selects/product.ts";

/**
 * Stores an uploaded image and appends it to the product's gallery. The type and dimensions
 * come from the bytes themselves. The file is written first: a failed insert leaves an
 * unreferenced file (harmless), never a row pointing at nothing.
 */
export async function uploadImage(
  db: PrismaClient,
  config: ApiConfig,
  actor: AuditActor,
  input: { productId: number; dataBase64: string; alt: string },
) {
  const bytes = Buffer.from(input.dataBase64, "base64");
  const info = imageInfo(bytes);
  if (!info) throw new AppError("BAD_INPUT", "Upload a PNG, JPEG, GIF or WebP image");
  const product = await db.product.findUnique({ where: { id: input.productId }, select: { id: true, name: true } });
  if (!product) throw new AppError("NOT_FOUND", "No such product");
  const key = `products/${product.id}/${randomBytes(12).toString("hex")}.${info.type === "jpeg" ? "jpg" : info.type}`;
  await config.storage.put(key, bytes, info.contentType);
  // A WebP copy beside it ("<key>.webp"), served instead to browsers that accept WebP.
  const webp = info.type === "png" || info.type === "jpeg" ? await webpCopy(bytes, info.type) : null;
  if (webp) await config.storage.put(`${key}.webp`, webp, "image/webp");
  const image = await db.$transaction(async (tx) => {
    const last = await tx.productImage.aggregate({ where: { productId: product.id }, _max: { position: true } });
    const created = await tx.productImage.create({
      data: {
        productId: product.id,
        path: key,
        alt: input.alt || product.name,
        width: info.width,
        height: info.height,
        position: (last._max.position ?? -1) + 1,
      },
      select: imageSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "product.image.add",
      entityType: "Product",
      entityId: product.id,
      after: { imageId: created.id, path: key, alt: created.alt },
    });
    return created;
  });
  return toImage(config, image);
}

/** Reorders (the first becomes primary), renames and removes a product's images in one go. */
export async function updateImages(
  db: PrismaClient,
  config: ApiConfig,
  actor: AuditActor,
  input: { productId: number; images: Array<{ id: number; alt: string }> },
) {
  const removed = await db.$transaction(async (tx) => {
    const current = await tx.productImage.findMany({
      where: { productId: input.productId },
      select: { id: true, path: true, alt: true },
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
    return gone;
  });
  // Files go after the commit: a rolled-back change must not lose them.
  const files = removed.flatMap((image) => [image.path, `${image.path}.webp`]);
  await Promise.all(files.map((file) => config.storage.delete(file).catch(() => undefined)));
  const images = await db.productImage.findMany({
    where: { productId: input.productId },
    select: imageSelect,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return images.map((image) => toImage(config, image));
}
