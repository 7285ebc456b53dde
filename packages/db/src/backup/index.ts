export { backupShop, restoreShop, type BackupManifest, type RestoreReport } from "./archive.ts";
export { backupDatabase, imagesOf, restoreDatabase } from "./database.ts";
