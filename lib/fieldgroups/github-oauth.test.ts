import { describe, expect, it } from 'vitest';
import type { Finding } from '../report/types';
import { gitHubBuildTrigger } from './github-build-trigger';
import { gitHubLogin } from './github-login';

const ctx = (config: Record<string, unknown>) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity }) => ({ code, fields, severity }));
const e = (code: string, ...fields: string[]) => ({ code, fields, severity: 'error' });
const w = (code: string, ...fields: string[]) => ({ code, fields, severity: 'warning' });

const ghe = {
  GITHUB_ENDPOINT: 'https://ghe.example.com/',
  CLIENT_ID: 'abc123',
  CLIENT_SECRET: 'gh-secret-value',
};

describe('skip reasons', () => {
  it('GitHubLogin needs FEATURE_GITHUB_LOGIN (Python truthiness)', () => {
    expect(gitHubLogin.skipReason(ctx({}))).toBe('FEATURE_GITHUB_LOGIN is off');
    expect(gitHubLogin.skipReason(ctx({ FEATURE_GITHUB_LOGIN: false }))).not.toBeNull();
    expect(gitHubLogin.skipReason(ctx({ FEATURE_GITHUB_LOGIN: true }))).toBeNull();
  });
  it('GitHubBuildTrigger needs FEATURE_BUILD_SUPPORT and FEATURE_GITHUB_BUILD', () => {
    expect(gitHubBuildTrigger.skipReason(ctx({ FEATURE_GITHUB_BUILD: true }))).toBe('FEATURE_BUILD_SUPPORT is off');
    expect(gitHubBuildTrigger.skipReason(ctx({ FEATURE_BUILD_SUPPORT: true }))).toBe('FEATURE_GITHUB_BUILD is off');
    expect(gitHubBuildTrigger.skipReason(ctx({ FEATURE_BUILD_SUPPORT: true, FEATURE_GITHUB_BUILD: true }))).toBeNull();
  });
});

type Case = [string, Record<string, unknown> | null | undefined, ReturnType<typeof e>[]];

/** The same table for both blocks: every finding is attached to the block it is about. */
function table(key: string): Case[] {
  const k = (f: string) => `${key}.${f}`;
  return [
    ['a complete GitHub Enterprise block', ghe, []],
    ['github.com with its API endpoint', { ...ghe, GITHUB_ENDPOINT: 'https://github.com/', API_ENDPOINT: 'https://api.github.com/' }, []],
    ['github.com without API_ENDPOINT', { ...ghe, GITHUB_ENDPOINT: 'https://github.com/' }, [w('api-endpoint-missing', k('API_ENDPOINT'))]],
    ['missing block', undefined, [e('required', key)]],
    ['null block', null, [e('required', key)]],
    ['missing endpoint', { ...ghe, GITHUB_ENDPOINT: undefined }, [e('required', k('GITHUB_ENDPOINT'))]],
    ['endpoint without scheme', { ...ghe, GITHUB_ENDPOINT: 'ghe.example.com' }, [e('invalid-url', k('GITHUB_ENDPOINT'))]],
    ['empty endpoint', { ...ghe, GITHUB_ENDPOINT: '' }, [e('invalid-url', k('GITHUB_ENDPOINT'))]],
    ['API endpoint not a URL', { ...ghe, API_ENDPOINT: 'ftp://x/' }, [e('invalid-url', k('API_ENDPOINT'))]],
    ['missing client id and secret', { GITHUB_ENDPOINT: 'https://ghe.example.com/' }, [e('required', k('CLIENT_ID')), e('required', k('CLIENT_SECRET'))]],
    ['ORG_RESTRICT without organizations', { ...ghe, ORG_RESTRICT: true }, [e('allowed-organizations-empty', k('ALLOWED_ORGANIZATIONS'))]],
    ['ORG_RESTRICT with an empty list', { ...ghe, ORG_RESTRICT: true, ALLOWED_ORGANIZATIONS: [] }, [e('allowed-organizations-empty', k('ALLOWED_ORGANIZATIONS'))]],
    ['ORG_RESTRICT with a blank organization', { ...ghe, ORG_RESTRICT: true, ALLOWED_ORGANIZATIONS: ['quay', ''] }, [e('invalid-value', k('ALLOWED_ORGANIZATIONS[1]'))]],
    ['ORG_RESTRICT with organizations', { ...ghe, ORG_RESTRICT: true, ALLOWED_ORGANIZATIONS: ['quay'] }, []],
    ['wrong-typed values are left to the schema check', { ...ghe, CLIENT_ID: 12, API_ENDPOINT: false }, []],
  ];
}

describe('GitHubLogin rules', () => {
  it.each(table('GITHUB_LOGIN_CONFIG'))('%s', (_n, block, expected) => {
    const config = { FEATURE_GITHUB_LOGIN: true, ...(block !== undefined ? { GITHUB_LOGIN_CONFIG: block } : {}) };
    expect(brief(gitHubLogin.rules(ctx(config)))).toEqual(expected);
  });
  it('a non-object block is left to the schema check and never crashes', () => {
    expect(gitHubLogin.rules(ctx({ FEATURE_GITHUB_LOGIN: true, GITHUB_LOGIN_CONFIG: [] }))).toEqual([]);
    expect(gitHubLogin.probes?.(ctx({ FEATURE_GITHUB_LOGIN: true, GITHUB_LOGIN_CONFIG: 'x' }))).toEqual([]);
  });
  it('checks LOGIN_BINDING_FIELD', () => {
    const fs = gitHubLogin.rules(ctx({ FEATURE_GITHUB_LOGIN: true, GITHUB_LOGIN_CONFIG: { ...ghe, LOGIN_BINDING_FIELD: 'login' } }));
    expect(brief(fs)).toEqual([e('invalid-value', 'GITHUB_LOGIN_CONFIG.LOGIN_BINDING_FIELD')]);
  });
  it('warns when login and triggers share one OAuth app', () => {
    const config = {
      FEATURE_GITHUB_LOGIN: true,
      FEATURE_BUILD_SUPPORT: true,
      FEATURE_GITHUB_BUILD: true,
      GITHUB_LOGIN_CONFIG: ghe,
      GITHUB_TRIGGER_CONFIG: ghe,
    };
    expect(brief(gitHubLogin.rules(ctx(config)))).toEqual([w('shared-client', 'GITHUB_LOGIN_CONFIG.CLIENT_ID', 'GITHUB_TRIGGER_CONFIG.CLIENT_ID')]);
    expect(brief(gitHubBuildTrigger.rules(ctx(config)))).toEqual([]);
  });
  it('never names the trigger block for a login problem (config-tool bug)', () => {
    const fs = gitHubLogin.rules(ctx({ FEATURE_GITHUB_LOGIN: true, GITHUB_LOGIN_CONFIG: {} }));
    expect(fs.flatMap((f) => f.fields).every((f) => f.startsWith('GITHUB_LOGIN_CONFIG'))).toBe(true);
  });
});

describe('GitHubBuildTrigger rules', () => {
  it.each(table('GITHUB_TRIGGER_CONFIG'))('%s', (_n, block, expected) => {
    const config = { FEATURE_BUILD_SUPPORT: true, FEATURE_GITHUB_BUILD: true, ...(block !== undefined ? { GITHUB_TRIGGER_CONFIG: block } : {}) };
    expect(brief(gitHubBuildTrigger.rules(ctx(config)))).toEqual(expected);
  });
  it('has one probe on the trigger keys', () => {
    const probes = gitHubBuildTrigger.probes?.(ctx({ GITHUB_TRIGGER_CONFIG: ghe })) ?? [];
    expect(probes.map((p) => p.fields)).toEqual([
      ['GITHUB_TRIGGER_CONFIG.GITHUB_ENDPOINT', 'GITHUB_TRIGGER_CONFIG.API_ENDPOINT', 'GITHUB_TRIGGER_CONFIG.CLIENT_ID', 'GITHUB_TRIGGER_CONFIG.CLIENT_SECRET'],
    ]);
  });
});
