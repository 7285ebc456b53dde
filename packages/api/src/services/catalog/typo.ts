/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("iphnoe" → "iphone" is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** Edits tolerated for a word of this length: none for very short words, two for long ones. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * The candidate closest to `word`, if close enough. For a word still being typed (`prefix`),
 * candidates are compared by their beginnings of similar length.
 */
export function closestTerm(word: string, candidates: readonly string[], prefix: boolean): string | null {
  const limit = allowedEdits(word.length);
  let best: { term: string; distance: number } | null = null;
  for (const term of candidates) {
    const forms = prefix
      ? [term.slice(0, word.length - 1), term.slice(0, word.length), term.slice(0, word.length + 1)]
      : [term];
    const distance = Math.min(...forms.map((form) => editDistance(word, form)));
    if (distance <= limit && (!best || distance < best.distance))
      best = { term: prefix ? term.slice(0, word.length) : term, distance };
  }
  return best?.term ?? null;
}

/** Lower-case words of letters and digits: the only characters that reach a tsquery. */
export function searchWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length <= 40).slice(0, 8);
}
