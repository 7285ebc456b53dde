import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type Unlisten = () => Promise<void>;

/** LISTEN on PGlite: notifications arrive in-process. */
export async function listenPGlite(pglite: PGlite, channel: string, onNotify: () => void): Promise<Unlisten> {
  const unlisten = await pglite.listen(channel, onNotify);
  return () => unlisten();
}

/**
 * LISTEN on PostgreSQL over its own connection (a pooled one cannot hold a LISTEN). If the
 * connection drops it reconnects, and reports the gap through `onNotify` so the caller assumes
 * it missed something.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  onNotify: () => void,
  onError: (error: unknown) => void,
): Promise<Unlisten> {
  let client: pg.Client | null = null;
  let stopped = false;
  // Keeps trying while the server is away (a restart takes seconds), once a second.
  const reconnect = () => {
    if (stopped) return;
    setTimeout(() => {
      connect().catch((error: unknown) => {
        onError(error);
        reconnect();
      });
    }, 1_000);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", onNotify);
    next.on("error", (error) => {
      onError(error);
      onNotify();
      reconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replace(/"/g, "")}"`);
    } catch (error) {
      next.removeAllListeners("error");
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) return void (await next.end().catch(() => undefined));
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
