import type { StorefrontRenderer } from "@shop/client/ssr";

/**
 * Storefront pages for tests about the server around them (headers, proxies, static files): a
 * page titled `title` that echoes its URL. The real renderer is tested in ssr.test.ts.
 */
export const standInRenderer = (title: string): StorefrontRenderer => ({
  render: async (url) => ({ status: 200, html: `<!doctype html><title>${title}</title>${url}`, location: null }),
});
