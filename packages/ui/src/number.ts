const counts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A whole number in the reader's locale (1,234 or 1.234 or 1 234). */
export const formatCount = (value: number): string => counts.format(value);
