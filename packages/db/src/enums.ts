// Browser-safe: the schema's enums as plain constants, for apps that show or filter by them.
export * from "./generated/prisma/enums.ts";
