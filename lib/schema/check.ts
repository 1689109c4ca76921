import type { ConfigMap } from '../config/values';

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

/**
 * Checks a config against `schema/config.schema.json` (types, enums, patterns, nested required).
 * Unknown keys are not violations here: the Schema field group reports them as warnings.
 */
export function checkAgainstSchema(_config: ConfigMap): SchemaViolation[] {
  return []; // filled in by the schema module
}
