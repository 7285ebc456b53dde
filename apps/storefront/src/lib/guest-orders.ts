// Guests see their orders by number and email. The email is kept in this tab's session
// storage, not in the URL, so it never lands in browser history, logs or referrers.
const KEY = "shop:guest-orders";

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

export function rememberGuestOrder(number: number, email: string) {
  sessionStorage.setItem(KEY, JSON.stringify({ ...read(), [number]: email }));
}

export function guestOrderEmail(number: number): string | undefined {
  return read()[String(number)];
}
