import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

// Where a webhook may not go unless the operator allows it (WEBHOOK_ALLOW_PRIVATE_URLS): the
// shop's own machine, its private network and cloud metadata services. A URL registered by an
// admin is still a request the server makes from inside the network (SSRF).
const denied = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  denied.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
  ["2001:db8::", 32],
] as const) {
  denied.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return denied.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return denied.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why a webhook URL is refused at registration, or null. Host names are checked again when sending. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, e.g. https://example.com/webhooks";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https:// or http://";
  if (url.username || url.password) return "Put no credentials in the URL; the signature authenticates the shop";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (
    !allowPrivate &&
    (host === "localhost" || host.endsWith(".localhost") || (isIP(host) && isPrivateAddress(host)))
  ) {
    return "The URL points to a private or local address";
  }
  return null;
}

/**
 * A DNS lookup for the HTTP client that refuses private addresses: it runs for every connection,
 * so a name that resolves to a public address at registration and to 127.0.0.1 later (DNS
 * rebinding) is refused too.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const allowed = allowPrivate ? addresses : addresses.filter((entry) => !isPrivateAddress(entry.address));
      const first = allowed[0];
      if (!first) {
        const refused = Object.assign(new Error(`${hostname} resolves to a private address`), { code: "EPRIVATE" });
        return callback(refused, "", 0);
      }
      if (options.all) return callback(null, allowed);
      callback(null, first.address, first.family);
    });
  };
}
