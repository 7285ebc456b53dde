// What "the database is not there right now" looks like from each layer: node-postgres (socket
// errors, its own messages, SQLSTATEs from a server shutting down), Prisma's driver adapter
// (P1xxx codes, or P2010 carrying the SQLSTATE) and pool exhaustion. Such a request should be
// retried later (503), not reported as a bug.

/** Prisma: can't reach, timed out, connection closed, pool timeout, transaction start timeout, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Unable to start a transaction in the given time|Client has encountered a connection error|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)/i;

/** SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections. */
function isUnavailableState(code: unknown): boolean {
  return (
    typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code))
  );
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  const found: unknown = Reflect.get(value, key);
  return found;
}

function adapterCause(error: unknown): unknown {
  return field(field(field(error, "meta"), "driverAdapterError"), "cause");
}

/** True when `error` (or one of its causes) says the database cannot be reached or used right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    typeof e === "object" && e !== null && depth < 5;
    e = field(e, "cause"), depth++
  ) {
    const code = field(e, "code");
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableState(code)))
      return true;
    const adapter = adapterCause(e);
    if (ADAPTER_KINDS.has(String(field(adapter, "kind"))) || isUnavailableState(field(adapter, "originalCode")))
      return true;
    const message = field(e, "message");
    if (typeof message === "string" && MESSAGES.test(message)) return true;
  }
  return false;
}
