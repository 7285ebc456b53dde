// The 10,000 most common passwords, from @zxcvbn-ts/language-common (MIT), lower-cased.
// Most are shorter than our 12-character minimum; the rest ("qwerty123456", "1qaz2wsx3edc")
// are exactly the guesses an attacker tries first.
import list from "./common-passwords.json" with { type: "json" };

const common = new Set<string>(list);

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}
