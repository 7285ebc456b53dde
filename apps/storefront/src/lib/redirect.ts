/** Only same-site paths are followed after sign-in, never another origin (open redirects). */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//")) return "/account";
  return value;
}
