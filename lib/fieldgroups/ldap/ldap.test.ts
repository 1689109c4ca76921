import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../config/values';
import type { Finding } from '../../report/types';
import { ldap } from './index';
import { readLdapTarget } from './settings';

const BASE: ConfigMap = {
  AUTHENTICATION_TYPE: 'LDAP',
  LDAP_URI: 'ldaps://ldap.example.org',
  LDAP_ADMIN_DN: 'cn=quay,ou=services,dc=example,dc=org',
  LDAP_ADMIN_PASSWD: 'secret',
  LDAP_BASE_DN: ['dc=example', 'dc=org'],
  LDAP_USER_RDN: ['ou=people'],
};

const ctx = (over: ConfigMap, files: Record<string, string> = {}) => ({
  config: { ...BASE, ...over },
  files: new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])),
  now: new Date('2026-06-01T00:00:00Z'),
});
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity }) => ({ code, fields, severity }));
const rules = (over: ConfigMap) => brief(ldap.rules(ctx(over)));

describe('LDAP group', () => {
  it('runs only for AUTHENTICATION_TYPE LDAP', () => {
    expect(ldap.skipReason(ctx({}))).toBeNull();
    expect(ldap.skipReason(ctx({ AUTHENTICATION_TYPE: 'Database' }))).toBe('AUTHENTICATION_TYPE is not LDAP');
    expect(ldap.skipReason(ctx({ AUTHENTICATION_TYPE: undefined }))).toBe('AUTHENTICATION_TYPE is not LDAP');
  });

  it('has nothing to say about a complete ldaps:// config', () => {
    expect(rules({})).toEqual([]);
  });

  it.each<[string, ConfigMap, ReturnType<typeof brief>]>([
    [
      'missing admin DN and password (legacy: Missing Admin DN/Password)',
      { LDAP_ADMIN_DN: undefined, LDAP_ADMIN_PASSWD: '' },
      [
        { code: 'required', fields: ['LDAP_ADMIN_DN'], severity: 'error' },
        { code: 'required', fields: ['LDAP_ADMIN_PASSWD'], severity: 'error' },
      ],
    ],
    ['an admin DN that is not a DN', { LDAP_ADMIN_DN: 'quayadmin' }, [{ code: 'ldap-dn-syntax', fields: ['LDAP_ADMIN_DN'], severity: 'error' }]],
    ['a URI with another scheme', { LDAP_URI: 'http://ldap.example.org' }, [{ code: 'ldap-uri-scheme', fields: ['LDAP_URI'], severity: 'error' }]],
    ['two URIs in one', { LDAP_URI: 'ldap://a.example ldap://b.example' }, [{ code: 'ldap-uri-invalid', fields: ['LDAP_URI'], severity: 'error' }]],
    ['an empty URI', { LDAP_URI: '' }, [{ code: 'required', fields: ['LDAP_URI'], severity: 'error' }]],
    ['no URI (Quay uses ldap://localhost)', { LDAP_URI: undefined }, [{ code: 'ldap-uri-default', fields: ['LDAP_URI'], severity: 'warning' }]],
    ['ldap:// to a remote host (no StartTLS in Quay)', { LDAP_URI: 'ldap://ldap.example.org:389' }, [{ code: 'ldap-cleartext', fields: ['LDAP_URI'], severity: 'warning' }]],
    ['ldap:// to the local host', { LDAP_URI: 'ldap://127.0.0.1:389' }, []],
    ['ldaps:// with the insecure fallback', { LDAP_ALLOW_INSECURE_FALLBACK: true }, [{ code: 'ldap-insecure-fallback', fields: ['LDAP_ALLOW_INSECURE_FALLBACK'], severity: 'warning' }]],
    ['no base DN', { LDAP_BASE_DN: undefined }, [{ code: 'required', fields: ['LDAP_BASE_DN'], severity: 'error' }]],
    ['an empty base DN list', { LDAP_BASE_DN: [] }, [{ code: 'required', fields: ['LDAP_BASE_DN'], severity: 'error' }]],
    ['an empty base DN piece', { LDAP_BASE_DN: ['dc=example', ' '] }, [{ code: 'ldap-dn-item-invalid', fields: ['LDAP_BASE_DN[1]'], severity: 'error' }]],
    ['base DN pieces that do not make a DN', { LDAP_BASE_DN: ['example', 'dc=org'] }, [{ code: 'ldap-dn-syntax', fields: ['LDAP_BASE_DN'], severity: 'error' }]],
    ['one base DN item holding the whole DN (Quay joins anyway)', { LDAP_BASE_DN: ['dc=example,dc=org'] }, []],
    ['a string base DN (the schema reports the type)', { LDAP_BASE_DN: 'dc=example,dc=org' }, []],
    ['a bad user RDN', { LDAP_USER_RDN: ['people'] }, [{ code: 'ldap-dn-syntax', fields: ['LDAP_USER_RDN'], severity: 'error' }]],
    ['no user RDN (users under the base DN)', { LDAP_USER_RDN: undefined }, []],
    ['a bad secondary RDN', { LDAP_SECONDARY_USER_RDNS: ['ou=ok', 'ou=a,,ou=b'] }, [{ code: 'ldap-dn-syntax', fields: ['LDAP_SECONDARY_USER_RDNS[1]'], severity: 'error' }]],
    ['an empty uid attribute', { LDAP_UID_ATTR: '' }, [{ code: 'required', fields: ['LDAP_UID_ATTR'], severity: 'error' }]],
    ['an invalid e-mail attribute', { LDAP_EMAIL_ATTR: 'e mail' }, [{ code: 'ldap-attr-invalid', fields: ['LDAP_EMAIL_ATTR'], severity: 'error' }]],
    ['a valid memberOf attribute', { LDAP_MEMBEROF_ATTR: 'isMemberOf' }, []],
    ['a user filter with a missing parenthesis', { LDAP_USER_FILTER: '(&(objectClass=person)' }, [{ code: 'ldap-filter-invalid', fields: ['LDAP_USER_FILTER'], severity: 'error' }]],
    [
      'a user filter without parentheses (Quay adds them)',
      { LDAP_USER_FILTER: 'memberOf=cn=quay,ou=groups,dc=example,dc=org' },
      [{ code: 'ldap-filter-unwrapped', fields: ['LDAP_USER_FILTER'], severity: 'warning' }],
    ],
    ['a superuser filter with a bad escape', { LDAP_SUPERUSER_FILTER: '(cn=a\\q)' }, [{ code: 'ldap-filter-invalid', fields: ['LDAP_SUPERUSER_FILTER'], severity: 'error' }]],
    ['a global read-only superuser filter that is fine', { LDAP_GLOBAL_READONLY_SUPERUSER_FILTER: '(memberOf=cn=ro,dc=example,dc=org)' }, []],
    ['a restricted-user filter with garbage after it', { LDAP_RESTRICTED_USER_FILTER: '(uid=*) x' }, [{ code: 'ldap-filter-invalid', fields: ['LDAP_RESTRICTED_USER_FILTER'], severity: 'error' }]],
    ['an empty filter (Quay ignores it)', { LDAP_USER_FILTER: '' }, []],
  ])('%s', (_name, over, expected) => {
    expect(rules(over)).toEqual(expected);
  });

  it('never throws on values of the wrong type', () => {
    const weird: ConfigMap = {
      LDAP_URI: 5,
      LDAP_ADMIN_DN: ['x'],
      LDAP_ADMIN_PASSWD: {},
      LDAP_BASE_DN: [1, null],
      LDAP_USER_RDN: 'ou=x',
      LDAP_SECONDARY_USER_RDNS: [3],
      LDAP_UID_ATTR: 7,
      LDAP_USER_FILTER: false,
      SUPER_USERS: 'x',
    };
    expect(() => ldap.rules(ctx(weird))).not.toThrow();
    expect(ldap.probes?.(ctx(weird))).toEqual([]);
  });
});

describe('LDAP live-check target', () => {
  it('reads the config the way Quay does (defaults, joined DNs, combined filters, superusers)', () => {
    const t = readLdapTarget(
      {
        ...BASE,
        LDAP_URI: undefined,
        LDAP_SECONDARY_USER_RDNS: ['ou=contractors'],
        LDAP_USER_FILTER: 'objectClass=person',
        LDAP_SUPERUSER_FILTER: '(memberOf=cn=admins,dc=example,dc=org)',
        LDAP_RESTRICTED_USER_FILTER: '(broken',
        SUPER_USERS: ['alice', 7, 'a*b'],
        FEATURE_MAILING: false,
      },
      new Map(),
    );
    expect(t).toMatchObject({
      uri: 'ldap://localhost',
      baseDn: 'dc=example,dc=org',
      userDns: [
        { dn: 'ou=people,dc=example,dc=org', field: 'LDAP_USER_RDN' },
        { dn: 'ou=contractors,dc=example,dc=org', field: 'LDAP_SECONDARY_USER_RDNS[0]' },
      ],
      uidAttr: 'uid',
      emailAttr: 'mail',
      requireEmail: false,
      userFilter: '(&(uid=*)(objectClass=person))',
      userFilterKey: 'LDAP_USER_FILTER',
      roleFilters: [{ key: 'LDAP_SUPERUSER_FILTER', filter: '(memberOf=cn=admins,dc=example,dc=org)' }],
      superUsers: [
        { path: 'SUPER_USERS[0]', name: 'alice', filter: '(&(|(uid=alice)(mail=alice))(objectClass=person))' },
        { path: 'SUPER_USERS[2]', name: 'a*b', filter: '(&(|(uid=a\\2ab)(mail=a\\2ab))(objectClass=person))' },
      ],
      allowInsecureFallback: false,
    });
  });

  it('trusts the certificates of ldap.crt', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    const t = readLdapTarget(BASE, new Map([['ldap.crt', Buffer.from(`junk\n${pem}\n`)]]));
    expect(t?.caPems).toEqual([pem]);
  });

  it('builds one probe whose fields are the keys it depends on', () => {
    const probes = ldap.probes?.(ctx({})) ?? [];
    expect(probes.map((p) => p.name)).toEqual(['LDAP server ldaps://ldap.example.org']);
    expect(probes[0]?.fields).toEqual(expect.arrayContaining(['LDAP_URI', 'LDAP_ADMIN_DN', 'LDAP_ADMIN_PASSWD', 'LDAP_BASE_DN', 'LDAP_USER_FILTER']));
  });
});
