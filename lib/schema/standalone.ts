import standaloneCode from 'ajv/dist/standalone';
import { configSchema, type SchemaNode } from './schema';
import { newConfigAjv, schemaFingerprint } from './validator';

/**
 * The source of an ES module that replaces `precompiled-validator.ts` in the CLI bundle: ajv's
 * standalone code for `schema` (compiled with the same options as at run time), exporting
 * `precompiledValidator` with the schema's fingerprint, so a bundle whose schema changed falls back
 * to compiling instead of using an old validator. Compiling costs ≈250 ms at every CLI start; this
 * moves it to the build.
 */
export function standaloneValidatorModule(schema: SchemaNode = configSchema): string {
  const ajv = newConfigAjv({ code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  const exported = `export const precompiledValidator = { validate, fingerprint: ${JSON.stringify(schemaFingerprint(schema))} };`;
  // ajv's ESM output still require()s its runtime helpers (ucs2length, …): esbuild bundles those.
  return `${code}\n${exported}\n`;
}
