import keyStatusJson from '../../schema/key-status.json';
import { isObject } from '../config/values';
import { schemaKeyPatterns, schemaKeys } from './schema';
import { closestMatch } from './suggest';

/** Keys Quay accepts but does not document (its INTERNAL_ONLY_PROPERTIES): known, never warned about. */
export const internalOnlyKeys: ReadonlySet<string> = new Set(strings(keyStatusJson.internalOnly));

/** Keys removed from current Quay, with the reason shown to users. */
export const deprecatedKeys: ReadonlyMap<string, string> = new Map(
  Object.entries(keyStatusJson.deprecated).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
);

/** A name other tools (config-tool, old docs) use that Quay ignores, and the key Quay reads instead. */
export interface NotReadByQuay {
  use: string;
  why: string;
}

/** Names Quay ignores although other tools write them (e.g. config-tool's SECURITY_SCANNER_NOTIFICATIONS). */
export const notReadByQuay: ReadonlyMap<string, NotReadByQuay> = new Map(
  Object.entries(keyStatusJson.notReadByQuay).flatMap(([k, v]) =>
    isObject(v) && typeof v.use === 'string' && typeof v.why === 'string' ? [[k, { use: v.use, why: v.why }]] : [],
  ),
);

const schemaKeySet = new Set(schemaKeys);

/** True for a key Quay reads: declared in the schema, matching a schema key pattern, or internal-only. */
export function isKnownKey(key: string): boolean {
  return schemaKeySet.has(key) || internalOnlyKeys.has(key) || schemaKeyPatterns.some((p) => p.test(key));
}

/** The known key `name` is most likely a typo of (`SERVER_HOSTNAM` → `SERVER_HOSTNAME`), if any. */
export function suggestKey(name: string): string | undefined {
  return closestMatch(name, [...schemaKeys, ...internalOnlyKeys]);
}

/**
 * Python's `str.isupper()`, which is how Quay decides whether to import a top-level key: at least one
 * cased character and no lowercase one. `_1` and `123` have no cased character and are dropped too.
 */
export function isUpperCaseKey(key: string): boolean {
  return key !== key.toLowerCase() && key === key.toUpperCase();
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
