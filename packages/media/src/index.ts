export { mediaStorageFrom, parseMediaEnv, type MediaEnv } from "./env.ts";
export { imageInfo, looksLikeSvg, type ImageInfo } from "./image-info.ts";
export { expectedKeys, IMAGE_WIDTHS, imageKeys, widthKey, widthsFor, type ImageFiles } from "./keys.ts";
export { localDiskStorage } from "./local.ts";
export {
  ImageRefused,
  ImageTooLarge,
  prepareSeedImage,
  prepareUpload,
  storeImage,
  TOO_LARGE_MESSAGE,
  UPLOAD_LIMITS,
  type PreparedImage,
} from "./prepare.ts";
export { readUpload } from "./read-upload.ts";
export { s3Storage, type S3Settings } from "./s3.ts";
export { contentTypeOf, isMediaKey, type MediaStorage, type StoredObject } from "./storage.ts";
