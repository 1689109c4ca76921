import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { configSchema } from './schema';

/**
 * Annotation keywords our schema uses. They are declared to ajv rather than turning strict mode off,
 * so a typo in a real keyword still fails compilation.
 * - `x-example`, `x-reference`: upstream Quay's documentation annotations;
 * - `x-expect`: a human description of what a value must be, used in violation messages;
 * - `x-when`: the condition of a conditional `required`, used in violation messages.
 */
export const ANNOTATION_KEYWORDS = ['x-example', 'x-reference', 'x-expect', 'x-when'] as const;

let cached: ValidateFunction | undefined;

/**
 * The compiled validator for `schema/config.schema.json`, compiled once per process (≈250 ms) and
 * reused. Strict mode is on (`allowUnionTypes` only permits Quay's `["string", "null"]` style types);
 * `verbose` gives each error its schema and data, which the messages need.
 */
export function configValidator(): ValidateFunction {
  if (cached) return cached;
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  cached = ajv.compile(configSchema);
  return cached;
}

export type { ErrorObject };
