/**
 * Rows of the distance table, reused: a typo check runs against every known key for every unknown
 * key of a config, and allocating rows dominated a 5,000-key validation.
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), the usual measure for
 * typos such as `SERVER_HOSTNAM` or `SEVRER_HOSTNAME`. Stops early once `limit` is exceeded.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const done = prevPrev;
    prevPrev = prev;
    prev = row;
    row = done;
  }
  return prev[n] as number;
}

/**
 * The closest candidate to `name`, if it is close enough to be a typo: up to 2 edits for short
 * names, 3 for names of 12+ characters. Ties go to the first candidate, so pass them in a stable order.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length >= 12 ? 3 : 2;
  const counts = charCounts(name);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // Cheap lower bounds first: most known keys are far from any given name.
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    if (counts && bagDistance(name.length, counts, candidate) >= bestDistance) continue;
    const d = editDistance(name, candidate, bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Character counts of an ASCII name (config keys are), or undefined for other text. */
function charCounts(text: string): Int32Array | undefined {
  const counts = new Int32Array(128);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return undefined;
    counts[c] = (counts[c] as number) + 1;
  }
  return counts;
}

/**
 * How many characters one string has that the other lacks (the larger side): a lower bound of the
 * edit distance, since an edit changes at most one on each side and a transposition none.
 * `counts` is `charCounts` of the first string; it is restored before returning.
 */
function bagDistance(length: number, counts: Int32Array, other: string): number {
  let onlyInOther = 0;
  for (let i = 0; i < other.length; i++) {
    const c = other.charCodeAt(i);
    if (c >= 128 || (counts[c] as number) <= 0) onlyInOther++;
    if (c < 128) counts[c] = (counts[c] as number) - 1;
  }
  for (let i = 0; i < other.length; i++) {
    const c = other.charCodeAt(i);
    if (c < 128) counts[c] = (counts[c] as number) + 1;
  }
  const onlyInFirst = length - (other.length - onlyInOther);
  return Math.max(onlyInFirst, onlyInOther);
}
