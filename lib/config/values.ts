/**
 * Safe, typed reads from an untrusted config map. Nothing here throws or casts: a value of the
 * wrong type reads as `undefined` (the Schema check reports the type error, attached to the key).
 */

export type ConfigMap = Record<string, unknown>;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

export function str(obj: unknown, key: string): string | undefined {
  const v = isObject(obj) ? obj[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** A non-empty string (after trimming), else undefined: Quay treats "" like a missing value. */
export function nonEmpty(obj: unknown, key: string): string | undefined {
  const v = str(obj, key);
  return v !== undefined && v.trim() !== '' ? v : undefined;
}

/** An integer; a numeric string such as "6379" is accepted too, as Quay's clients accept it. */
export function int(obj: unknown, key: string): number | undefined {
  const v = isObject(obj) ? obj[key] : undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

export function num(obj: unknown, key: string): number | undefined {
  const v = isObject(obj) ? obj[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function obj(obj: unknown, key: string): Record<string, unknown> | undefined {
  const v = isObject(obj) ? obj[key] : undefined;
  return isObject(v) ? v : undefined;
}

export function arr(obj: unknown, key: string): unknown[] | undefined {
  const v = isObject(obj) ? obj[key] : undefined;
  return Array.isArray(v) ? v : undefined;
}

/** An array whose items are all strings; undefined when absent or when any item is not a string. */
export function strList(obj: unknown, key: string): string[] | undefined {
  const v = arr(obj, key);
  return v && v.every((x): x is string => typeof x === 'string') ? v : undefined;
}

/** Present and not null. */
export function has(obj: unknown, key: string): boolean {
  return isObject(obj) && obj[key] !== undefined && obj[key] !== null;
}

/**
 * Python truthiness, which is how Quay reads feature flags (`features.FOO` is `bool(value)`):
 * the string "false" is *true* to Quay. The Schema check flags such non-boolean values.
 */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** A FEATURE_* style flag with Quay's default when the key is absent. */
export function flag(config: ConfigMap, key: string, defaultValue: boolean): boolean {
  return key in config && config[key] !== null ? truthy(config[key]) : defaultValue;
}
