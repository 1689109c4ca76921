import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { precompiledValidator, type PrecompiledValidator } from './precompiled-validator';
import { configSchema, type SchemaNode } from './schema';

/**
 * Annotation keywords our schema uses. They are declared to ajv rather than turning strict mode off,
 * so a typo in a real keyword still fails compilation.
 * - `x-example`, `x-reference`: upstream Quay's documentation annotations;
 * - `x-expect`: a human description of what a value must be, used in violation messages;
 * - `x-when`: the condition of a conditional `required`, used in violation messages.
 */
export const ANNOTATION_KEYWORDS = ['x-example', 'x-reference', 'x-expect', 'x-when'] as const;

/**
 * The ajv instance the config schema is compiled with, here and (with `code.source`) by the CLI
 * build's standalone code generation, so both produce the same errors. Strict mode is on
 * (`allowUnionTypes` only permits Quay's `["string", "null"]` style types); `verbose` gives each
 * error its schema and data, which the messages need.
 */
export function newConfigAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, ...extra });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv;
}

let cached: ValidateFunction | undefined;

/**
 * The validator for `schema/config.schema.json`, made once per process and reused: the one the CLI
 * bundle was built with when it matches the schema in use, else compiled here (≈250 ms).
 */
export function configValidator(): ValidateFunction {
  cached ??= usablePrecompiled(precompiledValidator, configSchema) ?? newConfigAjv().compile(configSchema);
  return cached;
}

/** The precompiled validator, unless it was built from another schema than `schema` (then it is stale). */
export function usablePrecompiled(pre: PrecompiledValidator | undefined, schema: SchemaNode): ValidateFunction | undefined {
  if (!pre?.builtFrom(schema)) return undefined;
  // Standalone code has the call signature and `errors` of a ValidateFunction, not its `schema` field.
  return Object.assign(pre.validate, { schema }) as unknown as ValidateFunction;
}

export type { ErrorObject };
