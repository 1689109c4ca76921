import { describe, expect, it } from 'vitest';
import { schemaKeys } from './schema';
import { closestMatch, editDistance } from './suggest';

/** The textbook full-table OSA distance, to check the fast one against. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Deterministic pseudo-random strings over a small alphabet, so that near misses are common. */
function* randomPairs(count: number): Generator<[string, string]> {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'AB_Cé'[Math.floor(next() * 5)]).join('');
  for (let i = 0; i < count; i++) yield [word(), word()];
}

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent transpositions', () => {
    expect(editDistance('SERVER_HOSTNAME', 'SERVER_HOSTNAME')).toBe(0);
    expect(editDistance('SERVER_HOSTNAM', 'SERVER_HOSTNAME')).toBe(1);
    expect(editDistance('SEVRER_HOSTNAME', 'SERVER_HOSTNAME')).toBe(1);
    expect(editDistance('', 'ABC')).toBe(3);
    expect(editDistance('KITTEN', 'SITTING')).toBe(3);
  });

  it('agrees with the full-table algorithm, and within a limit tells only that it is exceeded', () => {
    for (const [a, b] of randomPairs(3000)) {
      const exact = referenceDistance(a, b);
      expect(editDistance(a, b)).toBe(exact);
      const limited = editDistance(a, b, 2);
      if (exact <= 2) expect(limited).toBe(exact);
      else expect(limited).toBeGreaterThan(2);
    }
  });

  it('handles a string longer than any before it', () => {
    const long = 'A'.repeat(500);
    expect(editDistance(long, `${long}B`)).toBe(1);
    expect(editDistance('AB', 'BA')).toBe(1);
  });
});

describe('closestMatch', () => {
  /** What closestMatch promises: the first candidate at the smallest distance within the limit. */
  function bruteForce(name: string, candidates: string[]): string | undefined {
    const limit = name.length >= 12 ? 3 : 2;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const c of candidates) {
      const d = c === name ? Infinity : referenceDistance(name, c);
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    return best;
  }

  it('finds the typo target among the schema keys', () => {
    expect(closestMatch('SERVER_HOSTNAM', schemaKeys)).toBe('SERVER_HOSTNAME');
    expect(closestMatch('DB_UIR', schemaKeys)).toBe('DB_URI');
    expect(closestMatch('COMPLETELY_DIFFERENT_NAME', schemaKeys)).toBeUndefined();
  });

  it('picks what the brute-force search picks (ties: the first candidate), non-ASCII names too', () => {
    const names = [...schemaKeys.slice(0, 60).flatMap((k) => [k.slice(1), `${k}S`, k.replace('_', ''), k.toLowerCase()]), 'DB_URÏ', 'FEATURE_X'];
    for (const name of names) expect(closestMatch(name, schemaKeys)).toBe(bruteForce(name, [...schemaKeys]));
  });
});
