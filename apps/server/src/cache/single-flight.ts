/** Runs at most one computation per key at a time; callers arriving meanwhile share its result. */
export function singleFlight<T>() {
  const running = new Map<string, Promise<T>>();
  return {
    run(key: string, compute: () => Promise<T>): Promise<T> {
      const current = running.get(key);
      if (current) return current;
      const started = compute().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
  };
}
