import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigYaml } from '../config/load';
import type { ConfigMap } from '../config/values';
import { checkAgainstSchema } from '../schema/check';
import { validateConfig } from '../validation/run';
import type { Finding } from '../report/types';
import { schema } from './schema';

const rules = (config: ConfigMap) => schema.rules({ config, files: new Map(), now: new Date() });
const pick = (f: Finding) => ({ code: f.code, fields: f.fields, severity: f.severity, stage: f.stage, message: f.message, hint: f.hint });

describe('Schema group: keys Quay ignores', () => {
  it.each<[string, ConfigMap, ReturnType<typeof pick>[]]>([
    [
      'a typo gets a did-you-mean',
      { SERVER_HOSTNAM: 'quay.example.com' },
      [
        {
          code: 'unknown-key',
          fields: ['SERVER_HOSTNAM'],
          severity: 'warning',
          stage: 'config',
          message: 'SERVER_HOSTNAM is not a Quay configuration key; did you mean SERVER_HOSTNAME?',
          hint: undefined,
        },
      ],
    ],
    [
      'a transposition is one edit',
      { FEAUTRE_MAILING: true },
      [expect.objectContaining({ code: 'unknown-key', message: 'FEAUTRE_MAILING is not a Quay configuration key; did you mean FEATURE_MAILING?' })],
    ],
    [
      'an unknown key with nothing close',
      { MOTD: 'hello' },
      [
        {
          code: 'unknown-key',
          fields: ['MOTD'],
          severity: 'warning',
          stage: 'config',
          message: 'MOTD is not a Quay configuration key',
          hint: 'Quay ignores keys it does not know; check the spelling',
        },
      ],
    ],
    [
      'a lowercase key that is a known key',
      { server_hostname: 'quay.example.com' },
      [
        {
          code: 'ignored-key',
          fields: ['server_hostname'],
          severity: 'warning',
          stage: 'config',
          message: 'Quay only reads UPPERCASE keys; server_hostname is ignored',
          hint: 'write it as SERVER_HOSTNAME',
        },
      ],
    ],
    [
      'a mixed-case key with a typo',
      { Feature_Mailng: true },
      [expect.objectContaining({ code: 'ignored-key', message: 'Quay only reads UPPERCASE keys; Feature_Mailng is ignored', hint: 'did you mean FEATURE_MAILING?' })],
    ],
    ['a key without letters (Python str.isupper() is false)', { '123': 1 }, [expect.objectContaining({ code: 'ignored-key', fields: ['123'] })]],
    [
      'a removed feature',
      { FEATURE_ACI_CONVERSION: false, BITTORRENT_PIECE_SIZE: 512 },
      [
        expect.objectContaining({
          code: 'deprecated-key',
          fields: ['FEATURE_ACI_CONVERSION'],
          severity: 'warning',
          message: 'FEATURE_ACI_CONVERSION is no longer used by Quay 3.19: ACI conversion was removed in Quay 3.4; Quay ignores this key',
        }),
        expect.objectContaining({ code: 'deprecated-key', fields: ['BITTORRENT_PIECE_SIZE'] }),
      ],
    ],
    ['a removed Clair v2 key that the schema never had', { JWTPROXY_SIGNER: 'x' }, [expect.objectContaining({ code: 'deprecated-key', fields: ['JWTPROXY_SIGNER'] })]],
    [
      'a name config-tool reads but Quay does not',
      { SECURITY_SCANNER_NOTIFICATIONS: true },
      [
        expect.objectContaining({
          code: 'unknown-key',
          message: 'SECURITY_SCANNER_NOTIFICATIONS is not read by Quay; did you mean FEATURE_SECURITY_NOTIFICATIONS?',
          hint: 'config-tool reads this name, Quay reads FEATURE_SECURITY_NOTIFICATIONS',
        }),
      ],
    ],
  ])('%s', (_name, config, expected) => {
    expect(rules(config).map(pick)).toEqual(expected);
  });

  it.each<[string, ConfigMap]>([
    ['schema keys', { SERVER_HOSTNAME: 'q', LDAP_URI: 'ldap://x', KEYSTONE_AUTH_URL: 'https://k', SECRET_KEY: 'k' }],
    ['internal-only keys (known, undocumented)', { BILLING_TYPE: 'x', TESTING: false, V3_UPGRADE_MODE: 'complete', FEATURE_IMAGE_PULL_STATS: true }],
    ['OIDC providers, any ID', { KEYCLOAK_LOGIN_CONFIG: {}, AZURE2_LOGIN_CONFIG: {} }],
  ])('does not warn about %s', (_name, config) => {
    expect(rules(config)).toEqual([]);
  });

  it('summarises an avalanche of unknown keys', () => {
    const config = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`X_CUSTOM_${i}`, i]));
    const findings = rules(config);
    expect(findings).toHaveLength(201);
    expect(findings.at(-1)).toMatchObject({ code: 'unknown-key', message: '50 more top-level keys that Quay ignores are not listed' });
  });

  it('never puts a value in a message', () => {
    const findings = rules({ ldap_admin_passwd: 'hunter2-secret', SECRET_KY: 'another-secret-value' });
    expect(findings).toHaveLength(2);
    for (const f of findings) expect(`${f.message} ${f.hint ?? ''}`).not.toMatch(/hunter2|another-secret/);
  });

  it('is never skipped and owns no key', () => {
    expect(schema.skipReason({ config: {}, files: new Map(), now: new Date() })).toBeNull();
    expect(schema.keys).toEqual([]);
  });
});

describe('Schema group in the pipeline', () => {
  it('reports violations of keys no group owns, with the key path and a schema-* code, next to its own warnings', async () => {
    const report = await validateConfig({ config: { USE_CDN: 'no', SERVER_HOSTNAM: 'x' }, files: new Map() }, { mode: 'offline', groups: ['Schema'] });
    const findings = report.groups.find((g) => g.group === 'Schema')?.findings ?? [];
    expect(findings.map((f) => ({ code: f.code, fields: f.fields, severity: f.severity }))).toEqual([
      { code: 'schema-type', fields: ['USE_CDN'], severity: 'error' },
      { code: 'unknown-key', fields: ['SERVER_HOSTNAM'], severity: 'warning' },
    ]);
  });

  it('finds only unknown-key warnings, no violation, in the annotated real-world fixture', async () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/bundles/annotated-config.yaml'), 'utf8');
    const loaded = loadConfigYaml(text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(checkAgainstSchema(loaded.config)).toEqual([]);
    const report = await validateConfig({ config: loaded.config, files: new Map() }, { mode: 'offline', groups: ['Schema'] });
    const findings = report.groups.find((g) => g.group === 'Schema')?.findings ?? [];
    expect(findings.map((f) => `${f.code} ${f.fields.join(',')}`).sort()).toEqual(['unknown-key LONG_DESCRIPTION', 'unknown-key MOTD', 'unknown-key X_UNKNOWN_CUSTOM_KEY']);
  });
});
