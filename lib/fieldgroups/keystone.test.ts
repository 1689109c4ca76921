import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import type { Finding } from '../report/types';
import { keystone } from './keystone';

const BASE: ConfigMap = {
  AUTHENTICATION_TYPE: 'Keystone',
  KEYSTONE_AUTH_URL: 'https://keystone.example.org:5000/v2.0',
  KEYSTONE_ADMIN_USERNAME: 'admin',
  KEYSTONE_ADMIN_PASSWORD: 'pw',
  KEYSTONE_ADMIN_TENANT: 'admin',
};
const ctx = (over: ConfigMap) => ({ config: { ...BASE, ...over }, files: new Map<string, Uint8Array>(), now: new Date() });
const rules = (over: ConfigMap) => keystone.rules(ctx(over)).map(({ code, fields, severity }: Finding) => ({ code, fields, severity }));

describe('Keystone', () => {
  it('runs only for AUTHENTICATION_TYPE Keystone', () => {
    expect(keystone.skipReason(ctx({}))).toBeNull();
    expect(keystone.skipReason(ctx({ AUTHENTICATION_TYPE: 'LDAP' }))).toBe('AUTHENTICATION_TYPE is not Keystone');
  });

  it.each<[string, ConfigMap, unknown[]]>([
    ['a complete v2 config', {}, []],
    ['a complete v3 config', { KEYSTONE_AUTH_VERSION: 3, KEYSTONE_AUTH_URL: 'https://keystone.example.org:5000/v3' }, []],
    ['the version as a string, as Quay int()s it', { KEYSTONE_AUTH_VERSION: '3', KEYSTONE_AUTH_URL: 'https://k.example.org/v3' }, []],
    [
      'everything missing (legacy messages)',
      { KEYSTONE_AUTH_URL: undefined, KEYSTONE_ADMIN_USERNAME: '', KEYSTONE_ADMIN_PASSWORD: null, KEYSTONE_ADMIN_TENANT: undefined },
      [
        { code: 'required', fields: ['KEYSTONE_AUTH_URL'], severity: 'error' },
        { code: 'required', fields: ['KEYSTONE_ADMIN_USERNAME'], severity: 'error' },
        { code: 'required', fields: ['KEYSTONE_ADMIN_PASSWORD'], severity: 'error' },
        { code: 'required', fields: ['KEYSTONE_ADMIN_TENANT'], severity: 'error' },
      ],
    ],
    [
      'a URL without version path (keystoneauth appends /tokens as is)',
      { KEYSTONE_AUTH_URL: 'https://keystone.example.org:5000/' },
      [{ code: 'keystone-url-version-path', fields: ['KEYSTONE_AUTH_URL'], severity: 'warning' }],
    ],
    ['http:// to a remote host', { KEYSTONE_AUTH_URL: 'http://keystone.example.org:5000/v2.0' }, [{ code: 'keystone-cleartext', fields: ['KEYSTONE_AUTH_URL'], severity: 'warning' }]],
    ['http:// to the local host', { KEYSTONE_AUTH_URL: 'http://127.0.0.1:5000/v2.0' }, []],
    ['a URL that passes the schema pattern but does not parse', { KEYSTONE_AUTH_URL: 'http://key stone/v2.0' }, [{ code: 'invalid-url', fields: ['KEYSTONE_AUTH_URL'], severity: 'error' }]],
    ['another scheme (the schema pattern reports it)', { KEYSTONE_AUTH_URL: 'ldap://keystone' }, []],
    ['version 4 (the schema enum reports it)', { KEYSTONE_AUTH_VERSION: 4 }, []],
  ])('%s', (_name, over, expected) => {
    expect(rules(over)).toEqual(expected);
  });

  it('builds a probe only from usable values', () => {
    expect(keystone.probes?.(ctx({})).map((p) => p.name)).toEqual(['Keystone v2 at https://keystone.example.org:5000/v2.0']);
    expect(keystone.probes?.(ctx({ KEYSTONE_AUTH_VERSION: 4 }))).toEqual([]);
    expect(keystone.probes?.(ctx({ KEYSTONE_ADMIN_TENANT: 5 }))).toEqual([]);
  });
});
