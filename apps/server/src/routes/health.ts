import { withTimeout } from "@shop/api";
import type { Database } from "@shop/db";
import type { FastifyInstance } from "fastify";
import type { OutageLog } from "../observability/outage-log.ts";

/** "off": not configured (the in-process default is in use). */
export type DependencyState = "up" | "down" | "off";

/** Optional dependencies whose state /readyz reports without failing on them (Redis, SMTP). */
export type DependencyChecks = Record<string, () => DependencyState>;

const CHECK_TIMEOUT_MS = 2_000;

export function healthRoutes(
  app: FastifyInstance,
  { db, optional = {}, outages }: { db: Database; optional?: DependencyChecks; outages: OutageLog },
) {
  // Alive: the process answers. Used by orchestrators to restart a wedged process.
  app.get("/healthz", async () => ({ status: "ok" }));

  // Ready: the database answers (within two seconds). Load balancers route traffic only to ready
  // instances. Redis and SMTP are reported but do not make an instance unready: every instance
  // shares them, so taking instances out of rotation for them would turn a degraded shop (limits
  // per instance, no shared cache, mail delayed) into no shop at all.
  app.get("/readyz", async (_request, reply) => {
    const database = await withTimeout(db.sql.query("SELECT 1"), CHECK_TIMEOUT_MS, "readiness check").then(
      (): DependencyState => "up",
      (error: unknown): DependencyState => {
        outages(error, { path: "/readyz" });
        return "down";
      },
    );
    const dependencies: Record<string, DependencyState> = { database };
    for (const [name, check] of Object.entries(optional)) dependencies[name] = check();
    if (database === "down") return reply.code(503).send({ status: "unavailable", dependencies });
    const degraded = Object.values(dependencies).includes("down");
    return { status: degraded ? "degraded" : "ready", dependencies };
  });
}
