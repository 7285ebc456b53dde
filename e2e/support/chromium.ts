import { existsSync } from "node:fs";

/** Debian's Chromium (Playwright's own browser download does not work offline). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install it with `sudo apt-get install -y chromium` " +
        "(or set CHROMIUM_PATH to a Chromium or Chrome executable).",
    );
  }
  return found;
}
