import { formatCountOf } from "@shop/ui";
/**
 * What the payment form learned: paid, declined (nothing charged), or unknown (the answer was
 * lost: a server error or a dropped connection after the card may have been charged).
 */
export type PaymentResult = { outcome: "succeeded" | "declined" | "unknown"; error: string | null };

/** "15 minutes", "30 seconds": RESERVATION_MINUTES may be a fraction. */
export function holdTime(minutes: number): string {
  if (minutes >= 1) return formatCountOf(Number(minutes.toFixed(1)), "minute");
  return formatCountOf(Math.round(minutes * 60), "second");
}
