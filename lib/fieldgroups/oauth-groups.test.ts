import { describe, expect, it } from 'vitest';
import type { Finding } from '../report/types';
import { bitbucketBuildTrigger } from './bitbucket-build-trigger';
import type { FieldGroup } from './define';
import { gitLabBuildTrigger } from './gitlab-build-trigger';
import { googleLogin } from './google-login';

/** GoogleLogin, GitLabBuildTrigger and BitbucketBuildTrigger: small groups, one table each. */

const ctx = (config: Record<string, unknown>) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity }) => ({ code, fields, severity }));
const e = (code: string, ...fields: string[]) => ({ code, fields, severity: 'error' });

type Case = [string, Record<string, unknown>, ReturnType<typeof e>[]];

function run(group: FieldGroup, cases: Case[]) {
  it.each(cases)('%s', (_n, config, expected) => {
    expect(group.skipReason(ctx(config))).toBeNull();
    expect(brief(group.rules(ctx(config)))).toEqual(expected);
  });
}

describe('GoogleLogin', () => {
  const on = { FEATURE_GOOGLE_LOGIN: true };
  it('is skipped unless FEATURE_GOOGLE_LOGIN', () => {
    expect(googleLogin.skipReason(ctx({ GOOGLE_LOGIN_CONFIG: {} }))).toBe('FEATURE_GOOGLE_LOGIN is off');
  });
  run(googleLogin, [
    ['complete', { ...on, GOOGLE_LOGIN_CONFIG: { CLIENT_ID: 'id', CLIENT_SECRET: 's3cret' } }, []],
    ['missing block', on, [e('required', 'GOOGLE_LOGIN_CONFIG')]],
    ['missing credentials', { ...on, GOOGLE_LOGIN_CONFIG: {} }, [e('required', 'GOOGLE_LOGIN_CONFIG.CLIENT_ID'), e('required', 'GOOGLE_LOGIN_CONFIG.CLIENT_SECRET')]],
    ['blank secret', { ...on, GOOGLE_LOGIN_CONFIG: { CLIENT_ID: 'id', CLIENT_SECRET: '' } }, [e('required', 'GOOGLE_LOGIN_CONFIG.CLIENT_SECRET')]],
    ['binding field', { ...on, GOOGLE_LOGIN_CONFIG: { CLIENT_ID: 'id', CLIENT_SECRET: 's', LOGIN_BINDING_FIELD: 'uid' } }, [e('invalid-value', 'GOOGLE_LOGIN_CONFIG.LOGIN_BINDING_FIELD')]],
    ["a non-object block is the schema check's", { ...on, GOOGLE_LOGIN_CONFIG: 'x' }, []],
  ]);
});

describe('GitLabBuildTrigger', () => {
  const on = { FEATURE_BUILD_SUPPORT: true, FEATURE_GITLAB_BUILD: true };
  const creds = { CLIENT_ID: 'id', CLIENT_SECRET: 's3cret' };
  it('is skipped unless build support and FEATURE_GITLAB_BUILD', () => {
    expect(gitLabBuildTrigger.skipReason(ctx({ FEATURE_GITLAB_BUILD: true }))).toBe('FEATURE_BUILD_SUPPORT is off');
    expect(gitLabBuildTrigger.skipReason(ctx({ FEATURE_BUILD_SUPPORT: true }))).toBe('FEATURE_GITLAB_BUILD is off');
  });
  run(gitLabBuildTrigger, [
    ['endpoint required: the boot-time config-tool does not apply its gitlab.com default', { ...on, GITLAB_TRIGGER_CONFIG: creds }, [e('required', 'GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT')]],
    ['gitlab.com endpoint', { ...on, GITLAB_TRIGGER_CONFIG: { ...creds, GITLAB_ENDPOINT: 'https://gitlab.com' } }, []],
    ['GitLab CE endpoint', { ...on, GITLAB_TRIGGER_CONFIG: { ...creds, GITLAB_ENDPOINT: 'https://gitlab.example.com' } }, []],
    ['empty endpoint is a finding, not a panic', { ...on, GITLAB_TRIGGER_CONFIG: { ...creds, GITLAB_ENDPOINT: '' } }, [e('invalid-url', 'GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT')]],
    ['endpoint without scheme', { ...on, GITLAB_TRIGGER_CONFIG: { ...creds, GITLAB_ENDPOINT: 'gitlab.example.com' } }, [e('invalid-url', 'GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT')]],
    ['missing block', on, [e('required', 'GITLAB_TRIGGER_CONFIG')]],
    [
      'empty block',
      { ...on, GITLAB_TRIGGER_CONFIG: {} },
      [e('required', 'GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT'), e('required', 'GITLAB_TRIGGER_CONFIG.CLIENT_ID'), e('required', 'GITLAB_TRIGGER_CONFIG.CLIENT_SECRET')],
    ],
  ]);
});

describe('BitbucketBuildTrigger', () => {
  const on = { FEATURE_BUILD_SUPPORT: true, FEATURE_BITBUCKET_BUILD: true };
  it('is skipped unless build support and FEATURE_BITBUCKET_BUILD', () => {
    expect(bitbucketBuildTrigger.skipReason(ctx({ FEATURE_BUILD_SUPPORT: true }))).toBe('FEATURE_BITBUCKET_BUILD is off');
  });
  run(bitbucketBuildTrigger, [
    ['complete', { ...on, BITBUCKET_TRIGGER_CONFIG: { CONSUMER_KEY: 'k', CONSUMER_SECRET: 's3cret' } }, []],
    ['missing block', on, [e('required', 'BITBUCKET_TRIGGER_CONFIG')]],
    // config-tool tagged BITBUCKET_TRIGGER_CONFIG.CONSUMER_ID, a key that does not exist.
    ['missing key and secret', { ...on, BITBUCKET_TRIGGER_CONFIG: {} }, [e('required', 'BITBUCKET_TRIGGER_CONFIG.CONSUMER_KEY'), e('required', 'BITBUCKET_TRIGGER_CONFIG.CONSUMER_SECRET')]],
  ]);
});
