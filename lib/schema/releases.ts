import releasesJson from '../../schema/releases.json';

/**
 * Quay releases and which keys each one reads (`schema/releases.json`, built by
 * `scripts/build-releases.mjs` from quay/quay's release branches). Verdicts depend on the release
 * the user runs: a key added in 3.12 means nothing to 3.9, Clair v2 keys stop working in 3.9.
 */

/** A release users can target: `3.4` … `3.19`, or `head` (quay/quay master). */
export type QuayRelease = string;

interface KeyEntry {
  known: string;
  root?: string;
  defaults?: [string, unknown][];
}

const RELEASES: readonly string[] = releasesJson.releases;
const KEYS = releasesJson.keys as unknown as Record<string, KeyEntry>;

/** The releases `--quay-version` accepts, oldest first. */
export const QUAY_RELEASES: readonly QuayRelease[] = releasesJson.targets;

/** The newest release: what a config is judged against when the user names none. */
export const DEFAULT_RELEASE: QuayRelease = releasesJson.defaultTarget;

/** Branch and commit of quay/quay each release's data was taken from. */
export function releaseSource(release: QuayRelease): { ref: string; commit: string } | undefined {
  return (releasesJson.sources as Record<string, { ref: string; commit: string }>)[release];
}

/**
 * `3.9`, `v3.9`, `3.9.2`, `quay-3.9` or `head` (also `master`) → the release id, or null when we hold
 * no data for it. Patch releases share their minor release's rules.
 */
export function parseRelease(text: string): QuayRelease | null {
  const t = text.trim().toLowerCase();
  if (t === 'head' || t === 'master' || t === 'main') return 'head';
  const m = /^(?:quay-?|v)?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(t);
  if (!m) return null;
  const id = `${Number(m[1])}.${Number(m[2])}`;
  return QUAY_RELEASES.includes(id) ? id : null;
}

/** Position of a release in time (`head` is the newest); -1 for an unknown id. */
function rank(release: string): number {
  return RELEASES.indexOf(release);
}

/** True when `release` is `since` or newer (`head` counts as newest). */
export function atLeast(release: QuayRelease, since: string): boolean {
  return rank(release) >= rank(since);
}

/**
 * Whether `release` reads `key`, as far as the release data can tell:
 * - `known`: listed by that release (schema, internal-only keys or defaults);
 * - `added`: first listed by a later release (`in` names it);
 * - `removed`: listed by earlier releases only (`in` is the first release without it);
 * - `unlisted`: no release lists it (keys Quay reads without declaring them, or not Quay keys at all).
 * Keys that only ever appear among the entries misplaced at the schema root from 3.15 on (Flask's
 * own settings, `SECRET_KEY`, `SETUP_COMPLETE`, …) were read long before they were listed, so they
 * count as known to every release.
 */
export type KeyPresence = { state: 'known' } | { state: 'added' | 'removed'; in: QuayRelease } | { state: 'unlisted' };

export function keyPresence(key: string, release: QuayRelease): KeyPresence {
  const entry = KEYS[key];
  if (!entry) return { state: 'unlisted' };
  const at = rank(release);
  if (entry.known[at] === '1' || entry.root?.[at] === '1') return { state: 'known' };
  const first = entry.known.indexOf('1');
  if (first === -1) return { state: 'known' }; // only ever at the root: see above
  const last = entry.known.lastIndexOf('1');
  if (first > at) {
    // Listed at the root before its first proper listing (e.g. a Flask key): no history to tell.
    return entry.root?.slice(0, first).includes('1') ? { state: 'known' } : { state: 'added', in: RELEASES[first] as string };
  }
  if (last < at) return { state: 'removed', in: RELEASES[last + 1] as string };
  // A gap: listed before and after `release` but not in it. Trust the neighbours.
  return { state: 'known' };
}

/** The literal `DefaultConfig` value of `key` in `release`; undefined when it has none (or a computed one). */
export function releaseDefault(key: string, release: QuayRelease): unknown {
  const entry = KEYS[key];
  if (!entry?.defaults || entry.known[rank(release)] !== '1') return undefined;
  let value: unknown;
  for (const [since, v] of entry.defaults) if (rank(since) <= rank(release)) value = v;
  const computed = typeof value === 'object' && value !== null && '$expr' in value;
  return computed ? undefined : value;
}

/** True when `release` itself lists `key` (schema, internal-only keys or defaults; not the 3.15+ root entries). */
export function isListedBy(key: string, release: QuayRelease): boolean {
  return KEYS[key]?.known[rank(release)] === '1';
}

/** "Quay 3.9", or "Quay (head)" for master: how messages name the target release. */
export function releaseName(release: QuayRelease): string {
  return release === 'head' ? 'Quay (head)' : `Quay ${release}`;
}
