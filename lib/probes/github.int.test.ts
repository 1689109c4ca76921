import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { oauthInfo } from '../../test/harness/services/oauth';
import { validateConfig } from '../validation/run';
import type { FieldGroupId, Finding } from '../report/types';
import type { PublicEndpoints } from './context';

/** The GitHub login and trigger probes against the local GitHub API fake (test/harness/services/oauth.ts). */

const h = inject('harness');
const fake = oauthInfo.parse(h.services.oauth);
const withCa = new Map([['extra_ca_certs/test-ca.crt', new Uint8Array(Buffer.from(h.certs.caPem))]]);
const noCa = new Map<string, Uint8Array>();
const L = 'GITHUB_LOGIN_CONFIG';

function login(block: Record<string, unknown>): Record<string, unknown> {
  return {
    FEATURE_GITHUB_LOGIN: true,
    [L]: { GITHUB_ENDPOINT: `${fake.httpsUrl}/`, CLIENT_ID: fake.github.clientId, CLIENT_SECRET: fake.github.clientSecret, ...block },
  };
}

async function check(config: Record<string, unknown>, opts: { group?: FieldGroupId; files?: ReadonlyMap<string, Uint8Array>; endpoints?: Partial<PublicEndpoints> } = {}): Promise<Finding[]> {
  const group = opts.group ?? 'GitHubLogin';
  const report = await validateConfig({ config, files: opts.files ?? withCa }, { mode: 'online', groups: [group], timeoutMs: 1500, endpoints: opts.endpoints });
  expect(JSON.stringify(report)).not.toContain(fake.github.clientSecret);
  return report.groups.find((g) => g.group === group)?.findings ?? [];
}
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));
const f = (code: string, stage: string, severity: string, ...fields: string[]) => ({ code, fields: fields.map((x) => `${L}.${x}`), severity, stage });

let hanging: HangingServer;
beforeAll(async () => {
  hanging = await startHangingServer();
});
afterAll(async () => {
  await hanging.close();
});

describe('GitHub probe: the five scenarios', () => {
  it('accepts a GitHub Enterprise app with existing organizations', async () => {
    expect(brief(await check(login({ ORG_RESTRICT: true, ALLOWED_ORGANIZATIONS: ['quay', 'CoreOS'] })))).toEqual([]);
  });

  it('reports wrong credentials on CLIENT_ID and CLIENT_SECRET of the login block', async () => {
    const fs = await check(login({ CLIENT_SECRET: 'wrong-secret' }));
    expect(brief(fs)).toEqual([f('auth-failed', 'auth', 'error', 'CLIENT_ID', 'CLIENT_SECRET')]);
  });

  it('reports an untrusted CA at the tls stage', async () => {
    expect(brief(await check(login({}), { files: noCa }))).toEqual([f('tls-untrusted', 'tls', 'error', 'GITHUB_ENDPOINT')]);
  });

  it('reports a hostname mismatch at the tls stage', async () => {
    expect(brief(await check(login({ GITHUB_ENDPOINT: `${fake.wrongHostUrl}/` })))).toEqual([f('tls-hostname-mismatch', 'tls', 'error', 'GITHUB_ENDPOINT')]);
  });

  it('reports a closed port at the tcp stage', async () => {
    const port = await closedPort();
    expect(brief(await check(login({ GITHUB_ENDPOINT: `https://127.0.0.1:${port}/` })))).toEqual([f('connection-refused', 'tcp', 'error', 'GITHUB_ENDPOINT')]);
  });

  it('times out at the tls stage on a server that never answers', async () => {
    expect(brief(await check(login({ GITHUB_ENDPOINT: `https://127.0.0.1:${hanging.port}/` })))).toEqual([f('timeout', 'tls', 'error', 'GITHUB_ENDPOINT')]);
  });
});

describe('GitHub probe: what the legacy validator checked', () => {
  it('reports an endpoint that is not GitHub', async () => {
    expect(brief(await check(login({ API_ENDPOINT: `${fake.httpUrl}/not-github/` })))).toEqual([f('not-github', 'semantic', 'error', 'API_ENDPOINT')]);
  });

  it('warns about an organization that does not exist', async () => {
    const fs = await check(login({ ORG_RESTRICT: true, ALLOWED_ORGANIZATIONS: ['quay', 'no-such-org'] }));
    expect(brief(fs)).toEqual([f('org-not-found', 'semantic', 'warning', 'ALLOWED_ORGANIZATIONS[1]')]);
  });

  it('sends github.com to ctx.endpoints (the real API by default)', async () => {
    const cfg = login({ GITHUB_ENDPOINT: 'https://github.com/', API_ENDPOINT: 'https://api.github.com/' });
    expect(brief(await check(cfg, { endpoints: { githubApi: `${fake.httpUrl}/api/v3/`, github: `${fake.httpUrl}/` } }))).toEqual([]);
    const bad = login({ GITHUB_ENDPOINT: 'https://github.com/', API_ENDPOINT: 'https://api.github.com/', CLIENT_ID: 'other-app' });
    expect(brief(await check(bad, { endpoints: { githubApi: `${fake.httpUrl}/api/v3/` } }))).toEqual([f('auth-failed', 'auth', 'error', 'CLIENT_ID', 'CLIENT_SECRET')]);
  });
});

describe('GitHub build trigger probe', () => {
  const trigger = (block: Record<string, unknown>) => ({
    FEATURE_BUILD_SUPPORT: true,
    FEATURE_GITHUB_BUILD: true,
    GITHUB_TRIGGER_CONFIG: { GITHUB_ENDPOINT: `${fake.httpUrl}/`, CLIENT_ID: fake.github.clientId, CLIENT_SECRET: fake.github.clientSecret, ...block },
  });
  it('accepts good credentials', async () => {
    expect(brief(await check(trigger({}), { group: 'GitHubBuildTrigger' }))).toEqual([]);
  });
  it('attaches a credential failure to GITHUB_TRIGGER_CONFIG', async () => {
    const fs = await check(trigger({ CLIENT_SECRET: 'nope' }), { group: 'GitHubBuildTrigger' });
    expect(brief(fs)).toEqual([{ code: 'auth-failed', fields: ['GITHUB_TRIGGER_CONFIG.CLIENT_ID', 'GITHUB_TRIGGER_CONFIG.CLIENT_SECRET'], severity: 'error', stage: 'auth' }]);
  });
  it('reports a closed port at the tcp stage', async () => {
    const port = await closedPort();
    const fs = await check(trigger({ GITHUB_ENDPOINT: `http://127.0.0.1:${port}/` }), { group: 'GitHubBuildTrigger' });
    expect(brief(fs)).toEqual([{ code: 'connection-refused', fields: ['GITHUB_TRIGGER_CONFIG.GITHUB_ENDPOINT'], severity: 'error', stage: 'tcp' }]);
  });
});
