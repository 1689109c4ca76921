import { isObject } from '../../config/values';
import { error } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { RuleContext } from '../define';
import { didYouMean } from './did-you-mean';
import { checkParams, locationPath, type StorageLocation } from './engine';
import { ENGINE_NAMES, ENGINES } from './engines';

/** What DISTRIBUTED_STORAGE_CONFIG holds, read without trusting its shape. */
export interface ParsedStorage {
  /** Every location name, well-formed or not (for cross-checks of the other keys). */
  names: string[];
  /** Locations shaped `[EngineName, {parameters}]` with a known engine. */
  locations: StorageLocation[];
  findings: Finding[];
}

/**
 * Reads each location as Quay's factory does (`driver, parameters = storage_params[0], [1]`;
 * `driver_class(context, **parameters)`), turning every shape that would crash or misbehave there
 * into a finding: not a pair (config-tool panicked on a one-element tuple), engine name not a
 * string or unknown (Quay silently falls back to an in-memory FakeStorage), parameters not a
 * mapping, then the engine's own parameter checks.
 */
export function parseStorageConfig(dsc: Record<string, unknown>, ctx: RuleContext): ParsedStorage {
  const parsed: ParsedStorage = { names: Object.keys(dsc), locations: [], findings: [] };
  for (const [name, value] of Object.entries(dsc)) {
    const path = locationPath(name);
    if (!Array.isArray(value) || value.length !== 2) {
      const got = Array.isArray(value) ? `a list of ${value.length} element${value.length === 1 ? '' : 's'}` : value === null ? 'null' : typeof value;
      parsed.findings.push(
        error(path, `${path} must be a pair [EngineName, {parameters}], got ${got}`, {
          code: 'invalid-location',
          hint: 'e.g. [S3Storage, {s3_bucket: my-bucket, storage_path: /registry, …}]',
        }),
      );
      continue;
    }
    const [engine, params] = value as [unknown, unknown];
    if (typeof engine !== 'string') {
      parsed.findings.push(error([`${path}[0]`, path], `${path}[0] must be the engine name (a string), e.g. S3Storage`, { code: 'invalid-engine' }));
      continue;
    }
    const spec = ENGINES[engine];
    if (!spec) {
      const guess = didYouMean(engine, ENGINE_NAMES);
      parsed.findings.push(
        error([`${path}[0]`, path], `${path}[0]: "${engine}" is not a storage engine${guess ? ` (did you mean "${guess}"?)` : ''}`, {
          code: 'unknown-engine',
          hint: `Quay would silently use an in-memory FakeStorage and lose every image. Engines: ${ENGINE_NAMES.join(', ')}`,
        }),
      );
      continue;
    }
    if (!isObject(params)) {
      parsed.findings.push(
        error([`${path}[1]`, path], `${path}[1] must be a mapping of ${engine} parameters, got ${params === null ? 'null' : Array.isArray(params) ? 'a list' : typeof params}`, {
          code: 'invalid-parameters',
        }),
      );
      continue;
    }
    const loc: StorageLocation = { name, engine, params };
    parsed.locations.push(loc);
    parsed.findings.push(...checkParams(spec, loc, undefined, ctx.release), ...(spec.check?.(loc, ctx) ?? []));
  }
  return parsed;
}
