import type { RouterOutputs } from "@shop/api";
import { postBinary } from "@shop/client";
import { imageUploadBody, type ImageUploadMeta } from "@shop/validators";

type UploadedImage = RouterOutputs["admin"]["products"]["uploadImage"];

/**
 * Uploads an image file as it is (streamed from disk by the browser, no base64) to
 * `admin.products.uploadImage`, with its product and description on a first line.
 * `onProgress` gets the share of the file sent, 0 to 1; the server still re-encodes it after 1.
 */
export function uploadImage(meta: ImageUploadMeta, file: Blob, onProgress: (fraction: number) => void = () => {}) {
  const url = `${import.meta.env.VITE_API_URL ?? ""}/trpc/admin.products.uploadImage`;
  return postBinary<UploadedImage>(url, imageUploadBody(meta, file), onProgress);
}
