/** Where the admin shows a record of each kind the audit trail names; kinds without a page are left out. */
const paths: Record<string, (id: string) => string> = {
  Order: (id) => `/orders/${id}`,
  Product: (id) => `/products/${id}`,
  Variant: (id) => `/inventory/${id}`,
  User: (id) => `/customers/${id}`,
  Coupon: (id) => `/coupons/${id}`,
  Category: () => "/categories",
  Brand: () => "/brands",
  Review: () => "/reviews?status=all",
};

export const recordPath = (type: string, id: string): string | null => paths[type]?.(id) ?? null;
