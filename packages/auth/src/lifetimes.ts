// Session lifetimes (documented in docs/architecture.md, "Sessions"):
// - shoppers: 30 days of inactivity; last-used is written at most once an hour, so a busy
//   shopper does not cost a write per request;
// - staff and admins: 30 minutes of inactivity and 12 hours absolute, because a back-office
//   session left open on a shared screen is worth far more to an attacker. Their last-used is
//   written at most once a minute so the 30-minute window stays accurate.

export type SessionRole = "CUSTOMER" | "STAFF" | "ADMIN";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SessionPolicy = {
  idleTimeoutMs: number;
  absoluteTimeoutMs: number | null;
  touchIntervalMs: number;
};

export function sessionPolicy(role: SessionRole): SessionPolicy {
  return role === "CUSTOMER"
    ? { idleTimeoutMs: 30 * DAY, absoluteTimeoutMs: null, touchIntervalMs: HOUR }
    : { idleTimeoutMs: 30 * MINUTE, absoluteTimeoutMs: 12 * HOUR, touchIntervalMs: MINUTE };
}
