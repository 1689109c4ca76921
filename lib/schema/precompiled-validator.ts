/** A config-schema validator compiled ahead of time, and the fingerprint of the schema it was built from. */
export interface PrecompiledValidator {
  validate: (data: unknown) => boolean;
  fingerprint: string;
}

/**
 * None here: validator.ts then compiles the schema at run time. The CLI build (scripts/cli-bundle.mjs)
 * replaces this module with ajv standalone code generated from the schema (lib/schema/standalone.ts).
 */
export const precompiledValidator: PrecompiledValidator | undefined = undefined;
