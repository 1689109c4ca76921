import keyStatusJson from '../../schema/key-status.json';
import { isObject } from '../config/values';
import { schemaKeyPatterns, schemaKeys } from './schema';
import { closestMatch } from './suggest';

/** Keys Quay accepts but does not document (its INTERNAL_ONLY_PROPERTIES): known, never warned about. */
export const internalOnlyKeys: ReadonlySet<string> = new Set(strings(keyStatusJson.internalOnly));

/** Keys removed from current Quay, with the reason shown to users. */
export const deprecatedKeys: ReadonlyMap<string, string> = new Map(Object.entries(keyStatusJson.deprecated).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));

/** A name other tools (config-tool, old docs) use that Quay ignores, and the key Quay reads instead. */
export interface NotReadByQuay {
  use: string;
  why: string;
}

/** Names Quay ignores although other tools write them (e.g. config-tool's SECURITY_SCANNER_NOTIFICATIONS). */
export const notReadByQuay: ReadonlyMap<string, NotReadByQuay> = new Map(
  Object.entries(keyStatusJson.notReadByQuay).flatMap(([k, v]) => (isObject(v) && typeof v.use === 'string' && typeof v.why === 'string' ? [[k, { use: v.use, why: v.why }]] : [])),
);

const schemaKeySet = new Set(schemaKeys);

/** True for a key Quay reads: declared in the schema, matching a schema key pattern, or internal-only. */
export function isKnownKey(key: string): boolean {
  return schemaKeySet.has(key) || internalOnlyKeys.has(key) || schemaKeyPatterns.some((p) => p.test(key));
}

let candidates: string[] | undefined;
/** Known keys longest first, so the most specific prefix wins in `nearMiss`. */
let byLength: string[] | undefined;

/**
 * The known key `name` is most likely meant to be: a typo (`SERVER_HOSTNAM` → `SERVER_HOSTNAME`), or
 * a known key with a word added or dropped at the end (`USER_EVENTS_REDIS_CONFIG` → `USER_EVENTS_REDIS`,
 * `BUILDLOGS` → `BUILDLOGS_REDIS`), if any.
 */
export function suggestKey(name: string): string | undefined {
  candidates ??= [...schemaKeys, ...internalOnlyKeys];
  return closestMatch(name, candidates) ?? nearMiss(name);
}

function nearMiss(name: string): string | undefined {
  byLength ??= [...(candidates ?? [])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // A known key of two or more words followed by one more word: `<KEY>_CONFIG`, `<KEY>_URL`, ….
  // (No template strings in these loops: they run against every known key for every unknown key.)
  const prefix = byLength.find((k) => name.startsWith(k) && name[k.length] === '_' && k.includes('_') && !name.includes('_', k.length + 1));
  if (prefix) return prefix;
  // The name is a known key missing its last word, when only one key fits.
  const longer = byLength.filter((k) => k.startsWith(name) && k[name.length] === '_' && !k.includes('_', name.length + 1));
  return longer.length === 1 ? longer[0] : undefined;
}

/**
 * Settings Quay's container reads from its environment, not from config.yaml
 * (`conf/init/supervisord_conf_create.py`, `conf/init/nginx_conf_create.py`, `quay-entrypoint.sh`).
 */
export function isEnvironmentSetting(key: string): boolean {
  return /^WORKER_(COUNT|CONNECTION_COUNT)(_[A-Z]+)?$/.test(key) || ENVIRONMENT_SETTINGS.has(key);
}
const ENVIRONMENT_SETTINGS = new Set(['DEBUGLOG', 'QUAY_OVERRIDE_SERVICES', 'IGNORE_VALIDATION']);

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
