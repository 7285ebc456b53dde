import { Agent } from "node:https";
import { connect, type ConnectionOptions } from "node:tls";

/**
 * Tests only: an HTTPS agent that connects every request to `origin` (a local PayPal double)
 * whatever host the URL names. PayPal's SDK has no base URL setting, only its sandbox and live
 * hosts; this keeps the TLS server name (api-m.sandbox.paypal.com) and trusts only `ca`, so the
 * double must present a certificate for that name signed by it.
 */
export function pinnedAgent(origin: string, ca: string): Agent {
  const target = new URL(origin);
  if (target.protocol !== "https:") throw new Error(`PayPal's SDK speaks HTTPS only, not ${origin}`);
  const agent = new Agent({ ca, keepAlive: true });
  agent.createConnection = (options: ConnectionOptions) =>
    connect({
      ...options,
      host: target.hostname,
      port: Number(target.port) || 443,
      servername: options.servername ?? options.host ?? undefined,
      ca,
    });
  return agent;
}
