import { error, warning } from '../report/findings';
import type { Finding, Severity } from '../report/types';
import { isObject } from './values';

/**
 * Quay duration strings such as `2w`, `30m` or `0s` (util/timedeltastring.py in quay/quay): a
 * count and one unit. Quay itself parses them with `int(value[:-1])`, which would also take `+5m`
 * or `1_0m`; config-tool (Quay's start-up validator) and the JSON schema only accept this pattern,
 * so that is the rule.
 */
export const DURATION_PATTERN = /^[0-9]+(w|m|d|h|s)$/;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Seconds in a Quay duration string, or undefined when it does not match {@link DURATION_PATTERN}. */
export function parseDuration(value: string): number | undefined {
  const m = DURATION_PATTERN.exec(value);
  if (!m) return undefined;
  const unit = UNIT_SECONDS[m[1] ?? ''];
  return unit === undefined ? undefined : Number(value.slice(0, -1)) * unit;
}

/** Why a string is not a duration, in words (for messages); undefined when it is one. */
export function durationProblem(value: string): string | undefined {
  if (DURATION_PATTERN.test(value)) return undefined;
  const t = value.trim();
  if (t === '') return 'it is empty';
  if (t !== value && DURATION_PATTERN.test(t)) return 'it has surrounding spaces';
  if (/^[0-9]+$/.test(t)) return 'the unit is missing (s, m, h, d or w)';
  if (/^[0-9]+\s+[wmdhs]$/.test(t)) return 'there must be no space between the number and the unit';
  if (/^[0-9]+[WMDHS]$/.test(t)) return 'units are lower-case (s, m, h, d or w)';
  if (/^-/.test(t)) return 'it is negative';
  if (/^[0-9]*[.,][0-9]+[a-z]*$/i.test(t)) return 'the number must be whole';
  if (/^[0-9]+[a-z]+$/i.test(t)) return `"${t.replace(/^[0-9]+/, '')}" is not a unit (s, m, h, d or w)`;
  return 'it is not a number followed by one unit';
}

interface DurationCheck {
  /** Key path for the finding, e.g. `TAG_EXPIRATION_OPTIONS[2]`; defaults to the key. */
  path?: string;
  /** `warning` where Quay does not read the value (feature off). */
  severity?: Severity;
  /** Report a non-string value (for list items the rule owns; top-level types are the schema's). */
  reportType?: boolean;
}

/** The finding for one duration value, or none when it is valid or absent (undefined/null). */
export function checkDurationValue(value: unknown, path: string, opts: Omit<DurationCheck, 'path'> = {}): Finding[] {
  if (value === undefined || value === null) return [];
  const make = opts.severity === 'warning' ? warning : error;
  if (typeof value !== 'string') {
    return opts.reportType ? [make(path, `${path} must be a duration string such as "2w", got ${describeValue(value)}`, { code: 'duration-type' })] : [];
  }
  const problem = durationProblem(value);
  if (problem === undefined) return [];
  return [
    make(path, `${path} must be a duration like "30m" or "2w" (pattern ^[0-9]+(w|m|d|h|s)$): "${value}" is invalid, ${problem}`, {
      code: 'invalid-duration',
      hint: 'write a whole number followed by one unit: s (seconds), m (minutes), h (hours), d (days) or w (weeks)',
    }),
  ];
}

/** Checks `config[key]` as a Quay duration when it is set. */
export function checkDuration(config: unknown, key: string, opts: DurationCheck = {}): Finding[] {
  const value = isObject(config) ? config[key] : undefined;
  return checkDurationValue(value, opts.path ?? key, opts);
}

/** A short, non-secret description of a value's type, for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}
