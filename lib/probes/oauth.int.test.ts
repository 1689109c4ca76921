import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { oauthInfo } from '../../test/harness/services/oauth';
import { validateConfig } from '../validation/run';
import type { FieldGroupId, Finding } from '../report/types';
import type { PublicEndpoints } from './context';

/** GitLab, Google and Bitbucket probes against the local fakes (test/harness/services/oauth.ts). */

const h = inject('harness');
const fake = oauthInfo.parse(h.services.oauth);
const withCa = new Map([['extra_ca_certs/test-ca.crt', new Uint8Array(Buffer.from(h.certs.caPem))]]);
const noCa = new Map<string, Uint8Array>();
const secrets = [fake.gitlab.clientSecret, fake.google.clientSecret, fake.bitbucket.consumerSecret];

async function check(group: FieldGroupId, config: Record<string, unknown>, opts: { files?: ReadonlyMap<string, Uint8Array>; endpoints?: Partial<PublicEndpoints> } = {}): Promise<Finding[]> {
  const report = await validateConfig({ config, files: opts.files ?? withCa }, { mode: 'online', groups: [group], timeoutMs: 1500, endpoints: opts.endpoints });
  const text = JSON.stringify(report);
  for (const s of secrets) expect(text).not.toContain(s);
  return report.groups.find((g) => g.group === group)?.findings ?? [];
}
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));

let hanging: HangingServer;
beforeAll(async () => {
  hanging = await startHangingServer();
});
afterAll(async () => {
  await hanging.close();
});

describe('GitLab trigger probe', () => {
  const K = 'GITLAB_TRIGGER_CONFIG';
  const gitlab = (block: Record<string, unknown>) => ({
    FEATURE_BUILD_SUPPORT: true,
    FEATURE_GITLAB_BUILD: true,
    SERVER_HOSTNAME: 'quay.example.com',
    [K]: { GITLAB_ENDPOINT: fake.httpsUrl, CLIENT_ID: fake.gitlab.clientId, CLIENT_SECRET: fake.gitlab.clientSecret, ...block },
  });
  const f = (code: string, stage: string, ...fields: string[]) => ({ code, fields: fields.map((x) => `${K}.${x}`), severity: 'error', stage });

  it('accepts a GitLab CE endpoint and good credentials', async () => {
    expect(brief(await check('GitLabBuildTrigger', gitlab({})))).toEqual([]);
  });
  it('without GITLAB_ENDPOINT: required, as config-tool 3.9 says (NoGitlabEndpoint), and nothing is probed', async () => {
    const findings = await check('GitLabBuildTrigger', gitlab({ GITLAB_ENDPOINT: undefined }), { endpoints: { gitlab: `${fake.httpUrl}/` } });
    expect(findings.map((x) => [x.code, x.stage, x.fields[0]])).toEqual([['required', 'config', 'GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT']]);
  });
  it('reports wrong credentials as auth', async () => {
    expect(brief(await check('GitLabBuildTrigger', gitlab({ CLIENT_SECRET: 'wrong' })))).toEqual([f('auth-failed', 'auth', 'CLIENT_ID', 'CLIENT_SECRET')]);
  });
  it('reports an untrusted CA and a hostname mismatch at the tls stage', async () => {
    expect(brief(await check('GitLabBuildTrigger', gitlab({}), { files: noCa }))).toEqual([f('tls-untrusted', 'tls', 'GITLAB_ENDPOINT')]);
    expect(brief(await check('GitLabBuildTrigger', gitlab({ GITLAB_ENDPOINT: fake.wrongHostUrl })))).toEqual([f('tls-hostname-mismatch', 'tls', 'GITLAB_ENDPOINT')]);
  });
  it('reports a closed port at the tcp stage', async () => {
    const port = await closedPort();
    expect(brief(await check('GitLabBuildTrigger', gitlab({ GITLAB_ENDPOINT: `https://127.0.0.1:${port}` })))).toEqual([f('connection-refused', 'tcp', 'GITLAB_ENDPOINT')]);
  });
  it('times out at the tls stage on a server that never answers', async () => {
    expect(brief(await check('GitLabBuildTrigger', gitlab({ GITLAB_ENDPOINT: `https://127.0.0.1:${hanging.port}` })))).toEqual([f('timeout', 'tls', 'GITLAB_ENDPOINT')]);
  });
  it('does not probe an empty endpoint (config-tool panicked on it)', async () => {
    expect(brief(await check('GitLabBuildTrigger', gitlab({ GITLAB_ENDPOINT: '' })))).toEqual([f('invalid-url', 'config', 'GITLAB_ENDPOINT')]);
  });
});

describe('Google login probe', () => {
  const K = 'GOOGLE_LOGIN_CONFIG';
  const google = (block: Record<string, unknown>) => ({
    FEATURE_GOOGLE_LOGIN: true,
    [K]: { CLIENT_ID: fake.google.clientId, CLIENT_SECRET: fake.google.clientSecret, ...block },
  });
  const endpoints = { google: `${fake.httpUrl}/google/` };

  it('accepts good credentials', async () => {
    expect(brief(await check('GoogleLogin', google({}), { endpoints }))).toEqual([]);
  });
  it('reports wrong credentials as auth', async () => {
    expect(brief(await check('GoogleLogin', google({ CLIENT_ID: 'other.apps.example.com' }), { endpoints }))).toEqual([
      { code: 'auth-failed', fields: [`${K}.CLIENT_ID`, `${K}.CLIENT_SECRET`], severity: 'error', stage: 'auth' },
    ]);
  });
  it('reports an unreachable Google at the tcp stage', async () => {
    const port = await closedPort();
    expect(brief(await check('GoogleLogin', google({}), { endpoints: { google: `http://127.0.0.1:${port}/` } }))).toEqual([
      { code: 'connection-refused', fields: [K], severity: 'error', stage: 'tcp' },
    ]);
  });
  it('times out on a silent endpoint', async () => {
    expect(brief(await check('GoogleLogin', google({}), { endpoints: { google: `https://127.0.0.1:${hanging.port}/` } }))).toEqual([{ code: 'timeout', fields: [K], severity: 'error', stage: 'tls' }]);
  });
});

describe('Bitbucket trigger probe', () => {
  const K = 'BITBUCKET_TRIGGER_CONFIG';
  const bitbucket = (block: Record<string, unknown>) => ({
    FEATURE_BUILD_SUPPORT: true,
    FEATURE_BITBUCKET_BUILD: true,
    [K]: { CONSUMER_KEY: fake.bitbucket.consumerKey, CONSUMER_SECRET: fake.bitbucket.consumerSecret, ...block },
  });
  const endpoints = { bitbucket: `${fake.httpsUrl}/bitbucket/` };

  it('accepts a good consumer', async () => {
    expect(brief(await check('BitbucketBuildTrigger', bitbucket({}), { endpoints }))).toEqual([]);
  });
  it('reports a wrong consumer secret as auth, on CONSUMER_KEY/CONSUMER_SECRET', async () => {
    expect(brief(await check('BitbucketBuildTrigger', bitbucket({ CONSUMER_SECRET: 'wrong' }), { endpoints }))).toEqual([
      { code: 'auth-failed', fields: [`${K}.CONSUMER_KEY`, `${K}.CONSUMER_SECRET`], severity: 'error', stage: 'auth' },
    ]);
  });
  it('reports an unreachable Bitbucket at the tcp stage', async () => {
    const port = await closedPort();
    expect(brief(await check('BitbucketBuildTrigger', bitbucket({}), { endpoints: { bitbucket: `https://127.0.0.1:${port}/` } }))).toEqual([
      { code: 'connection-refused', fields: [K], severity: 'error', stage: 'tcp' },
    ]);
  });
});
