import { generateToken } from "./token.ts";

// An API key is `shop_<id>_<secret>`: the same 120-bit id and 160-bit secret as a session token
// (only a SHA-256 of the secret is stored), with a prefix that says what it is, so a key pasted
// into a ticket or found by a secret scanner is recognisable, and `shop_<id>` can be shown.

export const API_KEY_PREFIX = "shop_";

const API_KEY_PATTERN = /^shop_([a-z2-7]{24})_([a-z2-7]{32})$/;

export function generateApiKey(): { id: string; secret: string; key: string } {
  const { id, secret } = generateToken();
  return { id, secret, key: `${API_KEY_PREFIX}${id}_${secret}` };
}

export function splitApiKey(key: string): { id: string; secret: string } | null {
  const match = API_KEY_PATTERN.exec(key);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}
