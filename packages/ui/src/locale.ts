let current: string | undefined;

/**
 * The locale money, counts and dates are shown in. Unset, it is the browser's. A server-rendered
 * storefront sets the shop's locale on the server and, before hydrating, in the browser, so both
 * render the same text (a locale mismatch would be a hydration error).
 */
export function setDisplayLocale(locale: string | undefined) {
  current = locale;
}

export const displayLocale = () => current;
