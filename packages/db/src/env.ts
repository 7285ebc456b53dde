import { resolve } from "node:path";
import { z } from "zod";
import { findRepoRoot } from "./paths.ts";

// The database settings shared by the server and the db scripts, parsed once.
const DatabaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().default(".data"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
});

export type DatabaseEnv = z.infer<typeof DatabaseEnvSchema> & { DATA_DIR: string };

/** Relative DATA_DIR is taken from the repository root, wherever the process was started. */
export function parseDatabaseEnv(source: NodeJS.ProcessEnv = process.env, root = findRepoRoot()): DatabaseEnv {
  const result = DatabaseEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return { ...result.data, DATA_DIR: resolve(root, result.data.DATA_DIR) };
}
