import { describe, expect, it } from 'vitest';
import type { Finding } from '../report/types';
import { oidc } from './oidc';
import { quayReservedPrefix } from './oidc-provider';

const ctx = (config: Record<string, unknown>) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));
const e = (code: string, ...fields: string[]) => ({ code, fields, severity: 'error', stage: 'config' });
const w = (code: string, ...fields: string[]) => ({ code, fields, severity: 'warning', stage: 'config' });

const good = {
  OIDC_SERVER: 'https://sso.example.com/realms/quay/',
  CLIENT_ID: 'quay',
  CLIENT_SECRET: 'very-secret-value',
  SERVICE_NAME: 'Corporate SSO',
};
const withProvider = (patch: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ SSO_LOGIN_CONFIG: { ...good, ...patch }, ...extra });

describe('OIDC skipReason', () => {
  it('skips a config without providers, unless AUTHENTICATION_TYPE is OIDC', () => {
    expect(oidc.skipReason(ctx({}))).toMatch(/no OIDC provider/);
    expect(oidc.skipReason(ctx({ GITHUB_LOGIN_CONFIG: {}, GOOGLE_LOGIN_CONFIG: {} }))).not.toBeNull();
    expect(oidc.skipReason(ctx({ AUTHENTICATION_TYPE: 'OIDC' }))).toBeNull();
    expect(oidc.skipReason(ctx(withProvider({})))).toBeNull();
  });
});

describe('OIDC rules', () => {
  const cases: [string, Record<string, unknown>, ReturnType<typeof e>[]][] = [
    ['a complete provider', withProvider({}), []],
    ['a bare host needs no trailing slash', withProvider({ OIDC_SERVER: 'https://accounts.example.com' }), []],
    [
      'a path without trailing slash loses its last segment in urljoin',
      withProvider({ OIDC_SERVER: 'https://sso.example.com/realms/quay' }),
      [e('trailing-slash-required', 'SSO_LOGIN_CONFIG.OIDC_SERVER')],
    ],
    ['http without DEBUGGING', withProvider({ OIDC_SERVER: 'http://sso.example.com/' }), [e('https-required', 'SSO_LOGIN_CONFIG.OIDC_SERVER')]],
    ['http with DEBUGGING is allowed, with a warning', withProvider({ OIDC_SERVER: 'http://sso.example.com/', DEBUGGING: true }), [w('debugging-enabled', 'SSO_LOGIN_CONFIG.DEBUGGING')]],
    ['DEBUGGING as the string "false" is true to Quay', withProvider({ DEBUGGING: 'false' }), [e('invalid-type', 'SSO_LOGIN_CONFIG.DEBUGGING'), w('debugging-enabled', 'SSO_LOGIN_CONFIG.DEBUGGING')]],
    ['not a URL', withProvider({ OIDC_SERVER: 'sso.example.com' }), [e('invalid-url', 'SSO_LOGIN_CONFIG.OIDC_SERVER')]],
    ['a query string', withProvider({ OIDC_SERVER: 'https://sso.example.com/?x=1' }), [e('invalid-url', 'SSO_LOGIN_CONFIG.OIDC_SERVER')]],
    ['missing server', withProvider({ OIDC_SERVER: undefined }), [e('required', 'SSO_LOGIN_CONFIG.OIDC_SERVER')]],
    ['server of the wrong type', withProvider({ OIDC_SERVER: 42 }), [e('invalid-type', 'SSO_LOGIN_CONFIG.OIDC_SERVER')]],
    ['empty client id', withProvider({ CLIENT_ID: ' ' }), [e('required', 'SSO_LOGIN_CONFIG.CLIENT_ID')]],
    ['missing secret', withProvider({ CLIENT_SECRET: null }), [e('required', 'SSO_LOGIN_CONFIG.CLIENT_SECRET')]],
    ['a public PKCE client needs no secret', withProvider({ CLIENT_SECRET: undefined, PUBLIC_CLIENT: true, USE_PKCE: true }), []],
    ['PKCE_METHOD', withProvider({ PKCE_METHOD: 'S512' }), [e('invalid-value', 'SSO_LOGIN_CONFIG.PKCE_METHOD')]],
    ['missing SERVICE_NAME falls back to the id', withProvider({ SERVICE_NAME: undefined }), [w('service-name-missing', 'SSO_LOGIN_CONFIG.SERVICE_NAME')]],
    ['SERVICE_NAME of the wrong type', withProvider({ SERVICE_NAME: ['x'] }), [e('invalid-type', 'SSO_LOGIN_CONFIG.SERVICE_NAME')]],
    ['LOGIN_SCOPES not a list', withProvider({ LOGIN_SCOPES: 'openid email' }), [e('invalid-type', 'SSO_LOGIN_CONFIG.LOGIN_SCOPES')]],
    ['LOGIN_SCOPES with a non-string', withProvider({ LOGIN_SCOPES: ['openid', 3] }), [e('invalid-type', 'SSO_LOGIN_CONFIG.LOGIN_SCOPES[1]')]],
    ['LOGIN_SCOPES without openid', withProvider({ LOGIN_SCOPES: ['email', 'profile'] }), [w('openid-scope-missing', 'SSO_LOGIN_CONFIG.LOGIN_SCOPES')]],
    ['LOGIN_BINDING_FIELD', withProvider({ LOGIN_BINDING_FIELD: 'mail' }), [e('invalid-value', 'SSO_LOGIN_CONFIG.LOGIN_BINDING_FIELD')]],
    ['LOGIN_BINDING_FIELD sub', withProvider({ LOGIN_BINDING_FIELD: 'sub' }), []],
    ['OIDC_ISSUERS empty', withProvider({ OIDC_ISSUERS: [] }), [e('invalid-value', 'SSO_LOGIN_CONFIG.OIDC_ISSUERS')]],
    [
      'optional claim names must be strings',
      withProvider({ PREFERRED_USERNAME_CLAIM_NAME: 1, OIDC_ENDPOINT_CUSTOM_PARAMS: 'x' }),
      [e('invalid-type', 'SSO_LOGIN_CONFIG.PREFERRED_USERNAME_CLAIM_NAME'), e('invalid-type', 'SSO_LOGIN_CONFIG.OIDC_ENDPOINT_CUSTOM_PARAMS')],
    ],
    ['a non-object provider', { SSO_LOGIN_CONFIG: 'https://sso.example.com/' }, [e('not-an-object', 'SSO_LOGIN_CONFIG')]],
    ['a list as provider', { SSO_LOGIN_CONFIG: [good] }, [e('not-an-object', 'SSO_LOGIN_CONFIG')]],
    [
      'a null provider reads as empty',
      { SSO_LOGIN_CONFIG: null },
      [
        e('required', 'SSO_LOGIN_CONFIG.OIDC_SERVER'),
        e('required', 'SSO_LOGIN_CONFIG.CLIENT_ID'),
        e('required', 'SSO_LOGIN_CONFIG.CLIENT_SECRET'),
        w('service-name-missing', 'SSO_LOGIN_CONFIG.SERVICE_NAME'),
      ],
    ],
    ['reserved name', { LDAP_LOGIN_CONFIG: good }, [e('reserved-name', 'LDAP_LOGIN_CONFIG')]],
    ['two providers with the same service id', { MY_A_LOGIN_CONFIG: good, MY_B_LOGIN_CONFIG: good }, [e('duplicate-service-id', 'MY_A_LOGIN_CONFIG', 'MY_B_LOGIN_CONFIG')]],
    ['GitHub and Google blocks are not OIDC providers', { GITHUB_LOGIN_CONFIG: {}, GOOGLE_LOGIN_CONFIG: 'x', SSO_LOGIN_CONFIG: good }, []],
    ['AUTHENTICATION_TYPE OIDC without provider', { AUTHENTICATION_TYPE: 'OIDC' }, [e('no-provider', 'AUTHENTICATION_TYPE')]],
    ['AUTHENTICATION_TYPE OIDC with a provider', withProvider({}, { AUTHENTICATION_TYPE: 'OIDC' }), []],
    ['AUTHENTICATION_TYPE OIDC with two providers', { AUTHENTICATION_TYPE: 'OIDC', SSO_LOGIN_CONFIG: good, AZURE_LOGIN_CONFIG: good }, [w('first-provider-used', 'AUTHENTICATION_TYPE')]],
    [
      'team syncing over OIDC needs the group claim',
      withProvider({}, { AUTHENTICATION_TYPE: 'OIDC', FEATURE_TEAM_SYNCING: true }),
      [w('group-claim-missing', 'SSO_LOGIN_CONFIG.PREFERRED_GROUP_CLAIM_NAME')],
    ],
    ['team syncing over OIDC with the group claim', withProvider({ PREFERRED_GROUP_CLAIM_NAME: 'groups' }, { AUTHENTICATION_TYPE: 'OIDC', FEATURE_TEAM_SYNCING: true }), []],
  ];
  it.each(cases)('%s', (_name, config, expected) => {
    expect(brief(oidc.rules(ctx(config)))).toEqual(expected);
  });

  it('never puts the client secret in a message', () => {
    const fs = oidc.rules(ctx(withProvider({ OIDC_SERVER: 'http://x/y', LOGIN_SCOPES: ['email'], DEBUGGING: 'yes' })));
    expect(fs.length).toBeGreaterThan(0);
    expect(JSON.stringify(fs)).not.toContain('very-secret-value');
  });

  it('offers one probe per usable provider', () => {
    const probes = oidc.probes?.(ctx({ SSO_LOGIN_CONFIG: good, KEYSTONE_LOGIN_CONFIG: good, BAD_LOGIN_CONFIG: 'x' })) ?? [];
    expect(probes.map((p) => p.fields)).toEqual([['SSO_LOGIN_CONFIG.OIDC_SERVER', 'SSO_LOGIN_CONFIG.CLIENT_ID', 'SSO_LOGIN_CONFIG.CLIENT_SECRET']]);
  });
});

describe('quayReservedPrefix', () => {
  it.each([
    ['LDAP_LOGIN_CONFIG', 'ldap'],
    ['JWT_LOGIN_CONFIG', 'jwt'],
    ['KEYSTONE_LOGIN_CONFIG', 'keystone'],
    // Python's rstrip("_LOGIN_CONFIG") strips characters, so these are reserved to Quay too.
    ['JWTC_LOGIN_CONFIG', 'jwt'],
    ['KEYSTONEFLOG_LOGIN_CONFIG', 'keystone'],
    ['KEYCLOAK_LOGIN_CONFIG', undefined],
    ['AZURE_LOGIN_CONFIG', undefined],
  ])('%s → %s', (key, expected) => {
    expect(quayReservedPrefix(key)).toBe(expected);
  });
});
