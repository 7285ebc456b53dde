import type { Database } from "@shop/db";
import type { FastifyInstance } from "fastify";

export function healthRoutes(app: FastifyInstance, db: Database) {
  // Alive: the process answers. Used by orchestrators to restart a wedged process.
  app.get("/healthz", async () => ({ status: "ok" }));

  // Ready: the database answers too. Load balancers route traffic only to ready instances.
  app.get("/readyz", async (_request, reply) => {
    try {
      await db.sql.query("SELECT 1");
      return { status: "ready" };
    } catch (error) {
      app.log.warn({ err: error }, "readiness check failed");
      return reply.code(503).send({ status: "unavailable" });
    }
  });
}
