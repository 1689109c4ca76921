import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { fieldGroups } from '../fieldgroups/index';
import { deprecatedKeys, notReadByQuay } from './keys';
import { configSchema, isDeprecatedInSchema, keySchema, schemaKeys, storageEngineSchemas } from './schema';
import { ANNOTATION_KEYWORDS, configValidator } from './validator';

const root = path.resolve(import.meta.dirname, '../..');
const upstream = JSON.parse(readFileSync(path.join(root, 'schema/upstream/quay-config-schema-head.json'), 'utf8')) as {
  properties: Record<string, unknown>;
} & Record<string, unknown>;
const ROOT_KEYWORDS = new Set(['type', 'description', 'required', 'properties', 'allOf']);

describe('schema/config.schema.json', () => {
  it('compiles with ajv in strict mode, with only our annotation keywords declared', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
    expect(ajv.validateSchema(configSchema)).toBe(true);
    expect(() => ajv.compile(configSchema)).not.toThrow();
  });

  it('fails strict compilation if an annotation keyword were undeclared (the vocabulary is needed)', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(() => ajv.compile(configSchema)).toThrow(/unknown keyword/);
  });

  it('compiles the validator once per process', () => {
    expect(configValidator()).toBe(configValidator());
  });

  it('is up to date with schema/additions.json and the upstream copy', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-schema.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('has every upstream HEAD property, including the 104 entries upstream misplaced at the root', () => {
    const upstreamKeys = [...Object.keys(upstream.properties), ...Object.keys(upstream).filter((k) => !ROOT_KEYWORDS.has(k))];
    expect(upstreamKeys.length).toBeGreaterThanOrEqual(228 + 103);
    expect(upstreamKeys.filter((k) => keySchema(k) === undefined)).toEqual([]);
    expect(schemaKeys.length).toBeGreaterThan(upstreamKeys.length - 1);
  });

  it('has no invalid type names and no top-level required list', () => {
    const text = JSON.stringify(configSchema);
    expect(text).not.toMatch(/"type":"(int|str)"/);
    expect(configSchema.required).toBeUndefined();
    expect(configSchema.additionalProperties).toBe(true);
  });

  it('keeps only the bootstrap rule as a required constraint', () => {
    const requireds: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${where}/${i}`));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'required') requireds.push(where);
          else if (k !== 'x-example') visit(v, `${where}/${k}`);
        }
      }
    };
    visit(configSchema, '#');
    expect(requireds).toEqual(['#/allOf/0/if', '#/allOf/0/then']);
  });

  it.each([
    ['LDAP_BASE_DN', 'array'],
    ['LDAP_USER_RDN', 'array'],
    ['LDAP_SECONDARY_USER_RDNS', 'array'],
    ['LDAP_URI', 'string'],
    ['LDAP_ADMIN_PASSWD', 'string'],
    ['LDAP_MEMBEROF_ATTR', 'string'],
    ['LDAP_USER_FILTER', 'string'],
    ['JWT_AUTH_ISSUER', 'string'],
    ['JWT_VERIFY_ENDPOINT', 'string'],
    ['KEYSTONE_AUTH_URL', 'string'],
    ['KEYSTONE_ADMIN_TENANT', 'string'],
    ['SETUP_COMPLETE', 'boolean'],
    ['MAIL_USE_AUTH', 'boolean'],
    ['SECURITY_SCANNER_ISSUER_NAME', 'string'],
    ['BUILD_MANAGER', 'array'],
    ['DISTRIBUTED_STORAGE_CONFIG', 'object'],
    ['UI_DELAY_AFTER_WRITE_SECONDS', 'integer'],
    ['UI_MODELCARD_ARTIFACT_TYPE', 'string'],
  ])('types %s as %s', (key, type) => {
    const declared = keySchema(key)?.type;
    expect(Array.isArray(declared) ? declared : [declared]).toContain(type);
  });

  it('does not constrain JWT_AUTH_ISSUER to a URL (config-tool did; Quay accepts any issuer)', () => {
    expect(keySchema('JWT_AUTH_ISSUER')?.pattern).toBeUndefined();
  });

  it('describes the <ID>_LOGIN_CONFIG OIDC providers but not GitHub/Google', () => {
    expect(keySchema('KEYCLOAK_LOGIN_CONFIG')?.properties).toHaveProperty('OIDC_SERVER');
    expect(keySchema('GITHUB_LOGIN_CONFIG')?.properties).not.toHaveProperty('OIDC_SERVER');
    expect(keySchema('GOOGLE_LOGIN_CONFIG')?.properties).not.toHaveProperty('OIDC_SERVER');
  });

  it('has a parameter schema for every storage engine Quay knows', () => {
    expect(Object.keys(storageEngineSchemas()).sort()).toEqual(
      [
        'AkamaiS3Storage',
        'AzureStorage',
        'CloudFlareStorage',
        'CloudFrontedS3Storage',
        'GoogleCloudStorage',
        'IBMCloudStorage',
        'LocalStorage',
        'MultiCDNStorage',
        'RHOCSStorage',
        'RadosGWStorage',
        'S3Storage',
        'STSS3Storage',
        'SwiftStorage',
      ].sort(),
    );
  });

  // Other groups add keys while we work; a key Quay really reads belongs in the schema. Keys that
  // only other tools read are listed in schema/key-status.json (notReadByQuay) and warned about.
  it('declares every key a field group owns, unless Quay does not read it at all', () => {
    const missing = fieldGroups.flatMap((g) => g.keys.filter((k) => !keySchema(k) && !notReadByQuay.has(k)).map((k) => `${g.id}:${k}`));
    expect(missing).toEqual([]);
  });

  it('marks exactly the schema keys key-status.json lists as deprecated', () => {
    const inSchema = schemaKeys.filter(isDeprecatedInSchema).sort();
    expect(inSchema).toEqual([...deprecatedKeys.keys()].filter((k) => keySchema(k)).sort());
  });

  it('knows no key as both deprecated and not-read-by-Quay, and never lists a schema key as not read', () => {
    for (const key of notReadByQuay.keys()) {
      expect(deprecatedKeys.has(key)).toBe(false);
      expect(keySchema(key)).toBeUndefined();
      expect(keySchema(notReadByQuay.get(key)?.use ?? '')).toBeDefined();
    }
  });
});
