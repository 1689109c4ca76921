import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import type { Finding } from '../report/types';
import { accessSettings } from './access-settings';

const ctx = (config: ConfigMap) => ({ config, files: new Map<string, Uint8Array>(), now: new Date('2026-06-01T00:00:00Z') });
const rules = (config: ConfigMap) => accessSettings.rules(ctx(config)).map(({ code, fields, severity }: Finding) => ({ code, fields, severity }));
const NO_LOGIN = { code: 'no-login-method', fields: ['FEATURE_DIRECT_LOGIN', 'FEATURE_GITHUB_LOGIN', 'FEATURE_GOOGLE_LOGIN'], severity: 'error' };
const OIDC = { OIDC_SERVER: 'https://sso.example.org/realms/quay/', CLIENT_ID: 'quay', CLIENT_SECRET: 's', SERVICE_NAME: 'SSO' };

describe('AccessSettings', () => {
  it('is never skipped and accepts an empty config (Quay defaults)', () => {
    expect(accessSettings.skipReason(ctx({}))).toBeNull();
    expect(rules({})).toEqual([]);
  });

  it.each<[string, ConfigMap, unknown[]]>([
    ['direct login off and nothing else', { FEATURE_DIRECT_LOGIN: false }, [NO_LOGIN]],
    ['direct login off with GitHub login', { FEATURE_DIRECT_LOGIN: false, FEATURE_GITHUB_LOGIN: true }, []],
    ['direct login off with Google login', { FEATURE_DIRECT_LOGIN: false, FEATURE_GOOGLE_LOGIN: true }, []],
    ['direct login off with an OIDC provider', { FEATURE_DIRECT_LOGIN: false, SSO_LOGIN_CONFIG: OIDC }, []],
    ['direct login off with only a reserved provider name', { FEATURE_DIRECT_LOGIN: false, LDAP_LOGIN_CONFIG: OIDC }, [NO_LOGIN]],
    ['direct login off, GitHub config present but its feature off', { FEATURE_DIRECT_LOGIN: false, GITHUB_LOGIN_CONFIG: { CLIENT_ID: 'x' } }, [NO_LOGIN]],
    ['direct login "false" as a string (true to Quay)', { FEATURE_DIRECT_LOGIN: 'false' }, []],
    [
      'invite-only without user creation (config-tool tagged a key that does not exist)',
      { FEATURE_INVITE_ONLY_USER_CREATION: true, FEATURE_USER_CREATION: false },
      [{ code: 'invite-only-needs-user-creation', fields: ['FEATURE_INVITE_ONLY_USER_CREATION', 'FEATURE_USER_CREATION'], severity: 'error' }],
    ],
    [
      'invite-only with mailing off',
      { FEATURE_INVITE_ONLY_USER_CREATION: true, FEATURE_MAILING: false },
      [{ code: 'invite-only-needs-mailing', fields: ['FEATURE_INVITE_ONLY_USER_CREATION', 'FEATURE_MAILING'], severity: 'warning' }],
    ],
    ['invite-only with Quay defaults for user creation and mailing', { FEATURE_INVITE_ONLY_USER_CREATION: true }, []],
    ['a fresh-login timeout without unit', { FRESH_LOGIN_TIMEOUT: '10' }, [{ code: 'invalid-duration', fields: ['FRESH_LOGIN_TIMEOUT'], severity: 'error' }]],
    ['an empty fresh-login timeout (Quay cannot parse it)', { FRESH_LOGIN_TIMEOUT: '' }, [{ code: 'invalid-duration', fields: ['FRESH_LOGIN_TIMEOUT'], severity: 'error' }]],
    ['a valid fresh-login timeout', { FRESH_LOGIN_TIMEOUT: '5m' }, []],
    ['super users with Quay user names (dots, dashes, 2 chars)', { SUPER_USERS: ['admin', 'john.doe', 'ops-team', 'qa'] }, []],
    ['an upper-case super user', { SUPER_USERS: ['admin', 'Alice'] }, [{ code: 'superuser-invalid-name', fields: ['SUPER_USERS[1]'], severity: 'error' }]],
    [
      'super users that cannot be Quay users',
      { SUPER_USERS: ['a', 'bad name', 'x..y', 'org+robot'] },
      [
        { code: 'superuser-invalid-name', fields: ['SUPER_USERS[0]'], severity: 'error' },
        { code: 'superuser-invalid-name', fields: ['SUPER_USERS[1]'], severity: 'error' },
        { code: 'superuser-invalid-name', fields: ['SUPER_USERS[2]'], severity: 'error' },
        { code: 'superuser-invalid-name', fields: ['SUPER_USERS[3]'], severity: 'error' },
      ],
    ],
    ['non-string super users and duplicates (the schema reports them)', { SUPER_USERS: ['bob', 'bob', 3] }, []],
    ['LDAP auth without encrypted basic auth', { AUTHENTICATION_TYPE: 'LDAP' }, [{ code: 'encrypted-basic-auth-recommended', fields: ['FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH'], severity: 'warning' }]],
    ['LDAP auth with encrypted basic auth', { AUTHENTICATION_TYPE: 'LDAP', FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH: true }, []],
    ['OIDC auth (no directory password on the CLI)', { AUTHENTICATION_TYPE: 'OIDC', SSO_LOGIN_CONFIG: OIDC }, []],
  ])('%s', (_name, config, expected) => {
    expect(rules(config)).toEqual(expected);
  });

  it('names the problem and the fix in words', () => {
    const [f] = accessSettings.rules(ctx({ SUPER_USERS: ['Alice'] }));
    expect(f?.message).toBe('SUPER_USERS[0] "Alice" is not a valid Quay user name');
    expect(f?.hint).toBe('use lower-case letters and digits, optionally joined by single ".", "_" or "-", 2 to 255 characters, e.g. "alice"');
    const [login] = accessSettings.rules(ctx({ FEATURE_DIRECT_LOGIN: false }));
    expect(login?.message).toMatch(/^Cannot disable credentials login to UI without configured OIDC service/);
  });
});
