import { describe, expect, it } from "vitest";
import { couponState } from "./describe.ts";

const now = new Date("2026-06-15T12:00:00Z");
const day = 86_400_000;
const base = { active: true, startsAt: null, endsAt: null, usageLimit: null, usageCount: 0 };

describe("coupon state", () => {
  it("tells Scheduled, Active, Expired, Used up and Inactive apart from dates, limits and the switch", () => {
    expect(couponState(base, now)).toBe("Active");
    expect(couponState({ ...base, startsAt: new Date(now.getTime() + day) }, now)).toBe("Scheduled");
    expect(couponState({ ...base, startsAt: new Date(now.getTime() - day) }, now)).toBe("Active");
    expect(couponState({ ...base, endsAt: new Date(now.getTime() - day) }, now)).toBe("Expired");
    expect(couponState({ ...base, endsAt: now }, now)).toBe("Expired");
    expect(couponState({ ...base, usageLimit: 5, usageCount: 5 }, now)).toBe("Used up");
    expect(couponState({ ...base, usageLimit: 5, usageCount: 4 }, now)).toBe("Active");
    expect(couponState({ ...base, active: false, endsAt: new Date(now.getTime() - day) }, now)).toBe("Inactive");
  });
});
