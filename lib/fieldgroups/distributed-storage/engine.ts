import { atLeast, DEFAULT_RELEASE, releaseName, type QuayRelease } from '../../schema/releases';
import { isObject } from '../../config/values';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { Probe, RuleContext } from '../define';
import { didYouMean } from './did-you-mean';

/** `DISTRIBUTED_STORAGE_CONFIG`, the map of location name → `[EngineName, {parameters}]`. */
export const STORAGE_CONFIG = 'DISTRIBUTED_STORAGE_CONFIG';

/** One well-formed storage location: its name, engine and parameter object. */
export interface StorageLocation {
  name: string;
  engine: string;
  params: Record<string, unknown>;
}

export type ParamKind = 'string' | 'boolean' | 'integer' | 'number' | 'port' | 'object' | 'array' | 'any';

export interface ParamSpec {
  kind: ParamKind;
  /** A positional argument without default in the driver's constructor: absent raises TypeError. */
  required?: boolean;
  /** An empty string is a real value (a cloud `storage_path: ""` keeps objects at the bucket root). */
  allowEmpty?: boolean;
  /**
   * Added to the driver later: the upstream change, and the first release known to have it when that
   * is certain. Older releases fail at start (TypeError); where the release is not known, targets
   * before head get a warning to check, never an error that may be wrong.
   */
  added?: { change: string; release?: QuayRelease };
}

/**
 * One storage engine, as Quay's driver class takes it (storage/*.py): the keyword arguments its
 * constructor accepts (any other raises TypeError at start-up), extra offline checks, and the live
 * check for a location, when one is possible from outside the registry.
 */
export interface EngineSpec {
  name: string;
  params: Readonly<Record<string, ParamSpec>>;
  check?(loc: StorageLocation, ctx: RuleContext): Finding[];
  probe?(loc: StorageLocation, ctx: RuleContext): Probe['run'];
}

/** `DISTRIBUTED_STORAGE_CONFIG.<location>`: the path every finding about a location ends with. */
export function locationPath(name: string): string {
  return `${STORAGE_CONFIG}.${name}`;
}

/** `DISTRIBUTED_STORAGE_CONFIG.<location>[1].<param>`. */
export function paramPath(name: string, param: string): string {
  return `${STORAGE_CONFIG}.${name}[1].${param}`;
}

/** Fields for a finding about one parameter: the parameter, then the location (so its probe is skipped). */
export function paramFields(loc: StorageLocation, ...params: string[]): string[] {
  return [...params.map((p) => paramPath(loc.name, p)), locationPath(loc.name)];
}

/** A string parameter, or undefined when absent, null, empty or of another type. */
export function param(loc: StorageLocation, key: string): string | undefined {
  const v = loc.params[key];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** A port (or other integer) parameter: numbers and numeric strings, as Python's `str(port)` takes both. */
export function intParam(loc: StorageLocation, key: string): number | undefined {
  const v = loc.params[key];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Python truthiness of a parameter (`is_secure: "false"` is true to Quay). */
export function truthyParam(loc: StorageLocation, key: string, dflt: boolean): boolean {
  const v = loc.params[key];
  if (v === undefined || v === null) return dflt;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return !(v === false || v === 0 || v === '');
}

/** How findings name a parameter: `…<location>[1].<param>` by default, nested for MultiCDN. */
export interface ParamPaths {
  path(key: string): string;
  fields(key: string): string[];
}

function ownPaths(loc: StorageLocation): ParamPaths {
  return { path: (k) => paramPath(loc.name, k), fields: (k) => paramFields(loc, k) };
}

/**
 * The checks every engine shares: unknown parameters (TypeError in Quay) with a did-you-mean,
 * missing required ones, and each value's type.
 */
export function checkParams(spec: EngineSpec, loc: StorageLocation, at: ParamPaths = ownPaths(loc), release: QuayRelease = DEFAULT_RELEASE): Finding[] {
  const findings: Finding[] = [];
  const known = Object.keys(spec.params);
  for (const key of Object.keys(loc.params)) {
    const added = spec.params[key]?.added;
    if (added) findings.push(...newerParamFindings(spec, key, added, release, at));
    if (spec.params[key]) continue;
    const guess = didYouMean(key, known);
    findings.push(
      error(at.fields(key), `${at.path(key)}: ${spec.name} takes no parameter "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`, {
        code: 'unknown-parameter',
        hint: `Quay's ${spec.name} driver fails to start with an unexpected keyword argument; ${guess ? `rename it to "${guess}"` : 'remove it'}`,
      }),
    );
  }
  for (const [key, p] of Object.entries(spec.params)) {
    const v = loc.params[key];
    if (v === undefined || v === null || (p.required && !p.allowEmpty && p.kind === 'string' && typeof v === 'string' && v.trim() === '')) {
      if (p.required) {
        findings.push(error(at.fields(key), `${at.path(key)} is required by ${spec.name}${v === undefined || v === null ? '' : ' but empty'}`, { code: 'required' }));
      }
      continue;
    }
    findings.push(...checkKind(loc, key, p.kind, v, at));
  }
  return findings;
}

/** A parameter the target release may not have yet (see `ParamSpec.added`). */
function newerParamFindings(spec: EngineSpec, key: string, added: NonNullable<ParamSpec['added']>, release: QuayRelease, at: ParamPaths): Finding[] {
  if (added.release ? atLeast(release, added.release) : release === 'head') return [];
  const quay = releaseName(release);
  if (added.release) {
    return [
      error(at.fields(key), `${at.path(key)}: ${spec.name} takes "${key}" only from Quay ${added.release} on (${added.change}); ${quay} fails to start with it`, {
        code: 'unknown-parameter',
        hint: `remove it, or upgrade to Quay ${added.release}`,
      }),
    ];
  }
  return [
    warning(at.fields(key), `${at.path(key)}: ${spec.name} accepts "${key}" since ${added.change}; check that ${quay} has it, or its storage driver fails to start`, {
      code: 'parameter-may-be-newer',
      hint: `if the registry does not start with "unexpected keyword argument '${key}'", remove it`,
    }),
  ];
}

function checkKind(loc: StorageLocation, key: string, kind: ParamKind, v: unknown, at: ParamPaths): Finding[] {
  const path = at.path(key);
  const fields = at.fields(key);
  switch (kind) {
    case 'any':
      return [];
    case 'port':
      return checkPort(loc, key, at);
    case 'string':
      return typeof v === 'string' ? [] : [error(fields, `${path} must be a string`, { code: 'invalid-type' })];
    case 'boolean':
      // Quay reads these with Python truthiness: the string "false" means true.
      return typeof v === 'boolean'
        ? []
        : [
            warning(fields, `${path} should be true or false; Quay reads ${JSON.stringify(v)} as ${truthyParam(loc, key, false)}`, {
              code: 'not-boolean',
              hint: 'write an unquoted true or false',
            }),
          ];
    case 'integer':
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n) || (kind === 'integer' && !Number.isInteger(n))) {
        return [error(fields, `${path} must be ${kind === 'integer' ? 'an integer' : 'a number'}, got ${JSON.stringify(v)}`, { code: 'invalid-type' })];
      }
      return [];
    }
    case 'object':
      return isObject(v) ? [] : [error(fields, `${path} must be a mapping`, { code: 'invalid-type' })];
    case 'array':
      return Array.isArray(v) ? [] : [error(fields, `${path} must be a list`, { code: 'invalid-type' })];
  }
}

/** A port: an integer in 1–65535 (a numeric string works in Quay too, through `str(port)`). */
function checkPort(loc: StorageLocation, key: string, at: ParamPaths): Finding[] {
  const v = loc.params[key];
  if (v === undefined || v === null) return [];
  const n = intParam(loc, key);
  if (n !== undefined && n >= 1 && n <= 65535) return [];
  return [error(at.fields(key), `${at.path(key)} must be a port number (1–65535), got ${JSON.stringify(v)}`, { code: 'invalid-port' })];
}
