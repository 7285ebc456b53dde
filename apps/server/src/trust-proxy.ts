import { isIP } from "node:net";
import { z } from "zod";

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string) {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which peers may tell us the client's address (X-Forwarded-For) and scheme.
 * `false` (default) trusts nobody; a list of proxy addresses or CIDR ranges trusts only those,
 * so a client that reaches the server directly, or writes its own X-Forwarded-For through the
 * proxy, cannot pick the IP that rate limits count; `true` trusts every hop and is only safe
 * when nothing but the proxy can reach the server.
 */
export const TrustProxySchema = z
  .string()
  .trim()
  .optional()
  .transform((value, context): boolean | string[] => {
    if (value === undefined || value === "" || value === "false" || value === "0") return false;
    if (value === "true" || value === "1") return true;
    const entries = value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const bad = entries.filter((entry) => !isAddressOrRange(entry));
    if (bad.length > 0) {
      context.addIssue({
        code: "custom",
        message: `must be true, false or proxy addresses/CIDR ranges (not ${bad.join(", ")})`,
      });
      return z.NEVER;
    }
    return entries;
  });
