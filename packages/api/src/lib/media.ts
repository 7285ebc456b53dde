import type { ApiConfig } from "../context.ts";

/** Public URL of a stored image; `mediaBaseUrl` may point at a CDN. */
export function mediaUrl(config: Pick<ApiConfig, "mediaBaseUrl">, path: string): string {
  return `${config.mediaBaseUrl.replace(/\/$/, "")}/${path}`;
}
