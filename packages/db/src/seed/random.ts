/** A small seeded PRNG (mulberry32), so the demo shop is the same on every machine. */
export type Random = ReturnType<typeof createRandom>;

export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  return {
    next,
    int,
    pick,
    /** A second generator that gives the numbers this one is about to give, without moving it. */
    fork: () => createRandom(state),
    chance: (probability: number) => next() < probability,
    /** `count` distinct items, in random order, without copying large lists. */
    sample<T>(items: readonly T[], count: number): T[] {
      const taken = new Set<number>();
      const result: T[] = [];
      while (result.length < Math.min(count, items.length)) {
        const index = Math.floor(next() * items.length);
        if (taken.has(index)) continue;
        taken.add(index);
        result.push(items[index] as T);
      }
      return result;
    },
    /** An index drawn by weight. */
    weighted(weights: readonly number[]): number {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let roll = next() * total;
      for (const [index, weight] of weights.entries()) {
        roll -= weight;
        if (roll < 0) return index;
      }
      return weights.length - 1;
    },
  };
}
