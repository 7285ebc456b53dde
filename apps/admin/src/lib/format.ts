const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export const formatDate = (value: Date | null | undefined) => (value ? dateFormat.format(value) : "—");
export const formatDateTime = (value: Date | null | undefined) => (value ? dateTimeFormat.format(value) : "—");
/** For datetime-local inputs: the local wall-clock time, to the minute. */
export function toLocalInput(value: Date | null | undefined): string {
  if (!value) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}T${pad(value.getHours())}:${pad(value.getMinutes())}`;
}
