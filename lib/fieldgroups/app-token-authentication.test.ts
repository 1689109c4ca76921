import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import type { Finding } from '../report/types';
import { appTokenAuthentication } from './app-token-authentication';

const ctx = (config: ConfigMap) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const rules = (config: ConfigMap) => appTokenAuthentication.rules(ctx(config)).map(({ code, fields, severity }: Finding) => ({ code, fields, severity }));

describe('AppTokenAuthentication', () => {
  it.each<[ConfigMap, string | null]>([
    [{}, 'AUTHENTICATION_TYPE is not AppToken and no app token setting is set'],
    [{ AUTHENTICATION_TYPE: 'Database' }, 'AUTHENTICATION_TYPE is not AppToken and no app token setting is set'],
    [{ AUTHENTICATION_TYPE: 'AppToken' }, null],
    [{ APP_SPECIFIC_TOKEN_EXPIRATION: '30d' }, null],
    [{ EXPIRED_APP_SPECIFIC_TOKEN_GC: '1d' }, null],
    [{ FEATURE_APP_SPECIFIC_TOKENS: false }, null],
  ])('skipReason(%j) is %j', (config, reason) => {
    expect(appTokenAuthentication.skipReason(ctx(config))).toBe(reason);
  });

  it.each<[string, ConfigMap, unknown[]]>([
    ['AppToken with Quay defaults (direct login on)', { AUTHENTICATION_TYPE: 'AppToken' }, [{ code: 'direct-login-enabled', fields: ['FEATURE_DIRECT_LOGIN'], severity: 'error' }]],
    [
      'AppToken with app tokens off and direct login on',
      { AUTHENTICATION_TYPE: 'AppToken', FEATURE_APP_SPECIFIC_TOKENS: false, FEATURE_DIRECT_LOGIN: true },
      [
        { code: 'app-tokens-disabled', fields: ['FEATURE_APP_SPECIFIC_TOKENS'], severity: 'error' },
        { code: 'direct-login-enabled', fields: ['FEATURE_DIRECT_LOGIN'], severity: 'error' },
      ],
    ],
    ['AppToken done right', { AUTHENTICATION_TYPE: 'AppToken', FEATURE_APP_SPECIFIC_TOKENS: true, FEATURE_DIRECT_LOGIN: false }, []],
    ['Database auth with app tokens off and direct login on', { AUTHENTICATION_TYPE: 'Database', FEATURE_APP_SPECIFIC_TOKENS: false }, []],
    ['tokens that expire at once', { APP_SPECIFIC_TOKEN_EXPIRATION: '0s' }, [{ code: 'app-token-expiration-zero', fields: ['APP_SPECIFIC_TOKEN_EXPIRATION'], severity: 'warning' }]],
    ['a normal expiration', { APP_SPECIFIC_TOKEN_EXPIRATION: '90d', EXPIRED_APP_SPECIFIC_TOKEN_GC: null }, []],
    ['an invalid expiration (the schema pattern reports it)', { APP_SPECIFIC_TOKEN_EXPIRATION: '90 days' }, []],
  ])('%s', (_name, config, expected) => {
    expect(rules(config)).toEqual(expected);
  });
});
