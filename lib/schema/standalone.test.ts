import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrecompiledValidator } from './precompiled-validator';
import { configSchema } from './schema';
import { standaloneValidatorModule } from './standalone';
import { newConfigAjv, usablePrecompiled } from './validator';

/** The generated module as the CLI build bundles it (the schema and ajv's runtime helpers inlined). */
let pre: PrecompiledValidator;
const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-standalone-'));

beforeAll(async () => {
  const out = await build({
    stdin: { contents: standaloneValidatorModule(), resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  const file = path.join(dir, 'validator.mjs');
  writeFileSync(file, out.outputFiles[0]?.text ?? '');
  ({ precompiledValidator: pre } = (await import(pathToFileURL(file).href)) as { precompiledValidator: PrecompiledValidator });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONFIGS: unknown[] = [
  { SERVER_HOSTNAME: 'quay.example.com', PREFERRED_URL_SCHEME: 'https' },
  { SERVER_HOSTNAME: 42, PREFERRED_URL_SCHEME: 'gopher', FEATURE_MAILING: 'yes', MAIL_PORT: 70000 },
  { DISTRIBUTED_STORAGE_CONFIG: { default: ['S3Storage', { s3_bucket: 1 }], bad: ['NoSuchStorage', {}], short: ['LocalStorage'] } },
  { BUILDLOGS_REDIS: { host: ['x'], port: '6379' }, CONTACT_INFO: ['ftp://x', 'mailto:a@b'], TAG_EXPIRATION_OPTIONS: [1] },
  { FAKEIDP_LOGIN_CONFIG: { CLIENT_ID: 1, LOGIN_SCOPES: 'openid' }, SUPER_USERS: ['a', 'a'] },
  [],
];

describe('the precompiled schema validator', () => {
  it('reports exactly the errors of the validator compiled at run time', () => {
    const compiled = newConfigAjv().compile(configSchema);
    for (const config of CONFIGS) {
      expect(pre.validate(config)).toBe(compiled(config));
      const ours = (pre.validate as unknown as { errors: unknown[] | null }).errors;
      expect(ours).toEqual(compiled.errors);
    }
  });

  it('is used for the schema it was built from, and never for another one', () => {
    expect(pre.builtFrom(configSchema)).toBe(true);
    expect(usablePrecompiled(pre, configSchema)).toBeDefined();
    const changed = { ...configSchema, required: ['SERVER_HOSTNAME', 'NEW_KEY'] };
    expect(pre.builtFrom(changed)).toBe(false);
    expect(usablePrecompiled(pre, changed)).toBeUndefined();
    expect(usablePrecompiled(undefined, configSchema)).toBeUndefined();
  });
});
