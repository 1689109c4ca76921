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
  if (!pre || pre.fingerprint !== schemaFingerprint(schema)) return undefined;
  // Standalone code has the call signature and `errors` of a ValidateFunction, not its `schema` field.
  return Object.assign(pre.validate, { schema, schemaEnv: undefined }) as unknown as ValidateFunction;
}

/**
 * A 53-bit hash (cyrb53) of the schema's JSON plus its length, in hex: tells a validator built from
 * this schema from one built from any other. Not a security measure; ~1 ms for the 170 KB schema,
 * and browser-safe (the wizard checks configs with this module too).
 */
export function schemaFingerprint(schema: SchemaNode): string {
  const text = JSON.stringify(schema);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16)}-${text.length.toString(16)}`;
}

export type { ErrorObject };
