import { isObject, type ConfigMap } from '../config/values';
import { isSecretKeyName } from '../config/redact';
import { jsonTypeOf, withArticle } from './describe-value';
import { formatKeyPath, pointerSegments } from './key-path';
import { describeError } from './messages';
import { configValidator, type ErrorObject } from './validator';

/** One violation of Quay's config JSON schema, located by key path. */
export interface SchemaViolation {
  /** Top-level key the violation is under (decides which field group reports it). */
  key: string;
  /** Full key path, e.g. `BUILDLOGS_REDIS.port` or `DISTRIBUTED_STORAGE_CONFIG.default[1]`. */
  path: string;
  /** ajv keyword: `type`, `enum`, `pattern`, `required`, … */
  keyword: string;
  message: string;
}

/** Secret-bearing names that `isSecretKeyName` does not cover (an Azure connection string holds the account key). */
const EXTRA_SECRET_NAMES = /(connection_string|_DSN$|^DSN$)/i;

/** Caps so that a 100 000-item list of wrong values yields a readable report, not 100 000 lines. */
const MAX_PER_KEY = 20;
const MAX_TOTAL = 300;

/**
 * Checks a config against `schema/config.schema.json` (types, enums, patterns, nested shapes).
 * Unknown keys are not violations here: the Schema field group reports them as warnings.
 * Each real problem yields one violation (anyOf/oneOf branches are collapsed); values of secret
 * keys are never echoed; any input, however malformed, yields violations rather than an exception.
 */
export function checkAgainstSchema(config: ConfigMap): SchemaViolation[] {
  const input: unknown = config;
  if (!isObject(input)) {
    const message = `the config must be a mapping of keys to values, not ${withArticle(jsonTypeOf(input))}`;
    return [{ key: '', path: '', keyword: 'type', message }];
  }
  let errors: ErrorObject[];
  try {
    const validate = configValidator();
    validate(input);
    errors = validate.errors ?? [];
  } catch (e) {
    // Only a bug in the schema or in ajv gets here (e.g. a stack overflow on pathological data).
    const message = `the schema check could not complete: ${e instanceof Error ? e.message : String(e)}`;
    return [{ key: '', path: '', keyword: 'internal', message }];
  }
  return capped(relevant(errors).map((e) => toViolation(e, input)));
}

/**
 * Drops ajv's bookkeeping errors: `if` wrappers, the branches of a failed anyOf/oneOf, errors that only
 * follow from a wrong type, and duplicates.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  // Indexed by schema path and data path, so a 10 000-item list stays linear.
  const alternatives = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}|${e.instancePath}`));
  const isBranch = (e: ErrorObject) => prefixes(e.schemaPath, false).some((s) => prefixes(e.instancePath, true).some((i) => alternatives.has(`${s}|${i}`)));
  const own = errors.filter((e) => e.keyword !== 'if' && !isBranch(e));
  // Once a value has the wrong type, its enum, pattern or range errors only repeat the problem.
  const wrongType = new Set(own.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const kept = new Map<string, ErrorObject>();
  for (const e of own) {
    if (e.keyword !== 'type' && wrongType.has(e.instancePath)) continue;
    const id = `${e.instancePath}\u0000${e.keyword}\u0000${stableParams(e.params)}`;
    const seen = kept.get(id);
    // The same problem found twice (a tuple item and the engine schema it refers to): keep the titled one.
    if (!seen || (!hasTitle(seen) && hasTitle(e))) kept.set(id, e);
  }
  return [...kept.values()];
}

function toViolation(error: ErrorObject, config: Record<string, unknown>): SchemaViolation {
  const segments = pointerSegments(error.instancePath);
  const child = childOf(error);
  if (child !== undefined) segments.push(child);
  const path = formatKeyPath(segments, config);
  const reveal = !segments.some((s) => isSecretKeyName(s) || EXTRA_SECRET_NAMES.test(s)) && !looksLikeCredentialUri(error.data);
  return { key: segments[0] ?? '', path, keyword: error.keyword, message: describeError(error, { path, reveal }) };
}

/** `required` and `additionalProperties` are about a child key: the violation names the child. */
/** `#/a/b/c` → [`#/a/b`, `#/a`, `#`] (proper ancestors); data paths include themselves. */
function prefixes(path: string, includeSelf: boolean): string[] {
  const out = includeSelf ? [path] : [];
  for (let end = path.lastIndexOf('/'); end >= 0; end = end === 0 ? -1 : path.lastIndexOf('/', end - 1)) {
    out.push(path.slice(0, end));
  }
  return out;
}

function childOf(error: ErrorObject): string | undefined {
  const params: Record<string, unknown> = isObject(error.params) ? error.params : {};
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') return params.missingProperty;
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return params.additionalProperty;
  }
  return undefined;
}

function capped(violations: SchemaViolation[]): SchemaViolation[] {
  const perKey = new Map<string, number>();
  const out: SchemaViolation[] = [];
  for (const v of violations) {
    const n = (perKey.get(v.key) ?? 0) + 1;
    perKey.set(v.key, n);
    if (n <= MAX_PER_KEY && out.length < MAX_TOTAL) out.push(v);
  }
  for (const [key, n] of perKey) {
    if (n > MAX_PER_KEY) {
      out.push({ key, path: key, keyword: 'too-many', message: `${key} has ${n - MAX_PER_KEY} more problems like the ones above` });
    }
  }
  return out;
}

function hasTitle(e: ErrorObject): boolean {
  return isObject(e.parentSchema) && typeof e.parentSchema.title === 'string';
}

function stableParams(params: unknown): string {
  try {
    return JSON.stringify(params) ?? '';
  } catch {
    return '';
  }
}

/** `postgresql://user:password@host/db`: the password must not reach a message even via another key. */
function looksLikeCredentialUri(value: unknown): boolean {
  return typeof value === 'string' && /[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^@\s]*@/i.test(value);
}
