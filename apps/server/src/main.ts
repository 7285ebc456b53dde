import { createSmtpTransport } from "@shop/api";
import { createDatabase, databaseConfigFrom, migrate, prismaPaths } from "@shop/db";
import { mediaStorageFrom } from "@shop/media";
import pino from "pino";
import { demoSeed, seed } from "@shop/db/seed";
import { buildApp, paymentsFrom } from "./app.ts";
import { parseServerEnv } from "./env.ts";
import { createOutageLog } from "./observability/outage-log.ts";
import { createSharedState } from "./services.ts";
import { startEmailWorker } from "./workers/email.ts";
import { startMediaWorker } from "./workers/media.ts";
import { startOrderWorker } from "./workers/orders.ts";
import { startWebhookWorker } from "./workers/webhooks.ts";

let env;
try {
  env = parseServerEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const rootLogger = pino({ level: env.LOG_LEVEL });
const db = await createDatabase(
  databaseConfigFrom({
    databaseUrl: env.database.DATABASE_URL,
    replicaUrl: env.database.DATABASE_REPLICA_URL,
    dataDir: env.database.DATA_DIR,
    poolSize: env.database.DATABASE_POOL_SIZE,
    connectionTimeoutMs: env.database.DATABASE_POOL_TIMEOUT_MS,
  }),
);
const shared = createSharedState(env, rootLogger);
const payments = paymentsFrom(env, db);
const storage = mediaStorageFrom(env.media, env.mediaDir);
// One burst counter for "the database is away", whoever meets it: requests and jobs alike.
const outages = createOutageLog(rootLogger, "dependency unavailable");
let emailWorker: ReturnType<typeof startEmailWorker> | null = null;
const app = await buildApp(env, db, {
  limits: shared.store,
  cache: shared.cache,
  pageCache: shared.pageCache,
  logger: rootLogger,
  payments,
  storage,
  outages,
  dependencies: { redis: shared.redis, smtp: () => emailWorker?.smtp() ?? "off" },
});

const migrated = await migrate(db.sql, prismaPaths().migrations);
for (const name of migrated.applied) app.log.info(`applied migration ${name}`);
if (env.seedIfEmpty) {
  const result = await seed(db, { ...demoSeed, media: storage, log: (message) => app.log.info(message) });
  if (result.seeded) app.log.info("seeded the demo shop");
}

const domain = new URL(env.publicUrl).hostname;
emailWorker = env.SMTP_URL
  ? startEmailWorker(db, createSmtpTransport(env.SMTP_URL, env.MAIL_FROM, domain, env.SMTP_TIMEOUT_MS), app.log, {
      outages,
    })
  : null;

const orderWorker = startOrderWorker(db, payments.provider, env.publicUrl, app.log, { outages });
const mediaWorker = startMediaWorker(db, storage, app.log, { outages });
const webhookWorker = startWebhookWorker(
  db,
  {
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS === true,
    publicUrl: env.publicUrl,
  },
  app.log,
  { outages },
);

await app.listen({ port: env.PORT, host: env.HOST });
app.log.info(`shop ready at ${env.publicUrl} (admin at ${env.publicUrl}/admin)`);

// SIGTERM: stop accepting connections, let requests in flight finish, then close the database.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    void app
      .close()
      .then(() => emailWorker?.stop())
      .then(() => orderWorker.stop())
      .then(() => mediaWorker.stop())
      .then(() => webhookWorker.stop())
      .then(() => shared.close())
      .then(() => db.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  });
}
