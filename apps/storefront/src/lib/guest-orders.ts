// The secret key of an order's link (`/orders/<number>#key=…`), as the checkout returned it, is
// kept in this tab's session storage so the confirmation and order pages can open the order
// without an account. It is the credential for that order: it never goes into analytics (paths
// only) and the page shows it once, as a link to keep.
const KEY = "shop:order-keys";

function read(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "{}");
    return value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"))
      : {};
  } catch {
    return {};
  }
}

export function rememberOrderKey(number: number, key: string) {
  sessionStorage.setItem(KEY, JSON.stringify({ ...read(), [number]: key }));
}

export function orderKey(number: number): string | undefined {
  return read()[String(number)];
}

/** The link that opens the order for whoever holds it. */
export const orderLink = (number: number, key: string) =>
  `${window.location.origin}/orders/${number}#key=${encodeURIComponent(key)}`;
