/**
 * The dev servers' proxy to the API (apps/server), so the browser sees one origin as in
 * production. It follows the API's port: `PORT` is what `npm run dev` starts the API on
 * (turbo passes it through to every dev task), 3000 when unset.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string>}
 */
export function devProxy(env = process.env) {
  const api = `http://localhost:${env.PORT || "3000"}`;
  return { "/trpc": api, "/media": api, "/api": api };
}
