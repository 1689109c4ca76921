import type { SchemaNode } from './schema';

/** A config-schema validator compiled ahead of time (ajv standalone code). */
export interface PrecompiledValidator {
  validate: (data: unknown) => boolean;
  /** True when `schema` is, to the byte, the schema this validator was generated from. */
  builtFrom(schema: SchemaNode): boolean;
}

/**
 * None here: validator.ts then compiles the schema at run time. The CLI build (scripts/cli-build.mjs)
 * replaces this module with ajv standalone code generated from the schema (lib/schema/standalone.ts).
 */
export const precompiledValidator: PrecompiledValidator | undefined = undefined;
