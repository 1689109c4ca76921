/**
 * DISTRIBUTED_STORAGE_CONFIG (`{id: [engine, params]}`), DISTRIBUTED_STORAGE_PREFERENCE and
 * DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS as one ordered list of locations, and back. The list order
 * is the preference order, as in the old editor.
 */
import { isObject } from '@/lib/config/values';

/** One storage location as the widget edits it. */
export interface StorageLocation {
  id: string;
  engine: string;
  params: Record<string, unknown>;
  /** The value was not an `[engine, {params}]` pair: shown raw, kept untouched. */
  malformed: unknown;
  isDefault: boolean;
}

/** The old editor's rule for location IDs. */
export const LOCATION_ID = /^[A-Za-z0-9_-]+$/;

/** The old editor's limit; Quay itself has none, but more is almost always a mistake. */
export const MAX_LOCATIONS = 10;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Locations in preference order (preferred first, then the others in config order). */
export function readLocations(config: unknown, preference: unknown, defaults: unknown): StorageLocation[] {
  const map = isObject(config) ? config : {};
  const pref = strings(preference).filter((id) => id in map);
  const ids = [...new Set([...pref, ...Object.keys(map)])];
  const defaultSet = new Set(strings(defaults));
  return ids.map((id) => {
    const v = map[id];
    const pair = Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isObject(v[1]);
    return {
      id,
      engine: pair ? (v[0] as string) : '',
      params: pair ? (v[1] as Record<string, unknown>) : {},
      malformed: pair ? undefined : v,
      isDefault: defaultSet.has(id),
    };
  });
}

/** The three keys for a list of locations. */
export function writeLocations(locations: readonly StorageLocation[]): {
  config: Record<string, unknown>;
  preference: string[];
  defaults: string[];
} {
  const config: Record<string, unknown> = {};
  for (const l of locations) config[l.id] = l.malformed !== undefined ? l.malformed : [l.engine, l.params];
  return {
    config,
    preference: locations.map((l) => l.id),
    defaults: locations.filter((l) => l.isDefault).map((l) => l.id),
  };
}

/** A location ID not used yet: `default`, then `location2`, `location3`, … */
export function freshLocationId(locations: readonly StorageLocation[]): string {
  const used = new Set(locations.map((l) => l.id));
  if (!used.has('default')) return 'default';
  for (let i = 2; ; i++) if (!used.has(`location${i}`)) return `location${i}`;
}

/** Why an ID cannot be used, or null. */
export function locationIdProblem(id: string, others: readonly string[]): string | null {
  if (id === '') return 'A location ID is required.';
  if (!LOCATION_ID.test(id)) return 'Use only letters, digits, "_" and "-".';
  if (others.includes(id)) return 'Location ID must be unique.';
  return null;
}
