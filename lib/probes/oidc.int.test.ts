import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { oidcInfo } from '../../test/harness/services/oidc';
import { validateConfig } from '../validation/run';
import type { Finding } from '../report/types';

/** The OIDC group's probe against a real OpenID Provider, oidc-provider (test/harness/services/oidc.ts). */

const h = inject('harness');
const idp = oidcInfo.parse(h.services.oidc);
const KEY = 'FAKEIDP_LOGIN_CONFIG';
const withCa = new Map([['extra_ca_certs/test-ca.crt', new Uint8Array(Buffer.from(h.certs.caPem))]]);
const noCa = new Map<string, Uint8Array>();

/** A config whose redirect URI (https://quay.example.com/oauth2/fakeidp/callback) the provider's clients have registered. */
function config(provider: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SERVER_HOSTNAME: 'quay.example.com',
    PREFERRED_URL_SCHEME: 'https',
    [KEY]: { OIDC_SERVER: `${idp.issuer}/`, CLIENT_ID: idp.clientId, CLIENT_SECRET: idp.clientSecret, SERVICE_NAME: 'Fake IdP', ...provider },
    ...extra,
  };
}

async function check(cfg: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array> = withCa): Promise<Finding[]> {
  const report = await validateConfig({ config: cfg, files }, { mode: 'online', groups: ['OIDC'], timeoutMs: 1500 });
  const findings = report.groups.find((g) => g.group === 'OIDC')?.findings ?? [];
  expect(JSON.stringify(report)).not.toContain(idp.clientSecret);
  return findings;
}
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));
const f = (code: string, stage: string, severity: string, ...fields: string[]) => ({ code, fields: fields.map((x) => `${KEY}.${x}`), severity, stage });

let hanging: HangingServer;
beforeAll(async () => {
  hanging = await startHangingServer();
});
afterAll(async () => {
  await hanging.close();
});

describe('OIDC probe: the five scenarios', () => {
  it('accepts a correct provider and client (https, CA from extra_ca_certs)', async () => {
    expect(brief(await check(config({})))).toEqual([]);
  });

  it('works over http with DEBUGGING, as Quay allows', async () => {
    expect(brief(await check(config({ OIDC_SERVER: `${idp.httpIssuer}/`, DEBUGGING: true })))).toEqual([f('debugging-enabled', 'config', 'warning', 'DEBUGGING')]);
  });

  it('reports a wrong secret as an auth failure on the credentials', async () => {
    const fs = await check(config({ CLIENT_SECRET: 'not-the-secret' }));
    expect(brief(fs)).toEqual([f('auth-failed', 'auth', 'error', 'CLIENT_ID', 'CLIENT_SECRET')]);
    expect(fs[0]?.message).toMatch(/invalid_client/);
  });

  it('reports a wrong client id as an auth failure', async () => {
    expect(brief(await check(config({ CLIENT_ID: 'someone-else' })))).toEqual([f('auth-failed', 'auth', 'error', 'CLIENT_ID', 'CLIENT_SECRET')]);
  });

  it('reports an untrusted CA at the tls stage on OIDC_SERVER', async () => {
    expect(brief(await check(config({}), noCa))).toEqual([f('tls-untrusted', 'tls', 'error', 'OIDC_SERVER')]);
  });

  it('reports a certificate for another host at the tls stage', async () => {
    expect(brief(await check(config({ OIDC_SERVER: `${idp.wrongHostIssuer}/` })))).toEqual([f('tls-hostname-mismatch', 'tls', 'error', 'OIDC_SERVER')]);
  });

  it('reports a closed port at the tcp stage', async () => {
    const port = await closedPort();
    expect(brief(await check(config({ OIDC_SERVER: `https://127.0.0.1:${port}/realms/quay/` })))).toEqual([f('connection-refused', 'tcp', 'error', 'OIDC_SERVER')]);
  });

  it('times out at the tls stage on a server that accepts and never answers (https)', async () => {
    const before = hanging.accepted();
    expect(brief(await check(config({ OIDC_SERVER: `https://127.0.0.1:${hanging.port}/realms/quay/` })))).toEqual([f('timeout', 'tls', 'error', 'OIDC_SERVER')]);
    expect(hanging.accepted()).toBeGreaterThan(before);
  });

  it('times out after the connection on a silent plain-http server', async () => {
    const fs = await check(config({ OIDC_SERVER: `http://127.0.0.1:${hanging.port}/realms/quay/`, DEBUGGING: true }));
    expect(brief(fs)).toEqual([f('timeout', 'semantic', 'error', 'OIDC_SERVER'), f('debugging-enabled', 'config', 'warning', 'DEBUGGING')]);
  });
});

describe('OIDC probe: discovery', () => {
  it('reports an issuer that is not OIDC_SERVER (the provider under another host name), and still tests the client', async () => {
    const fs = await check(config({ OIDC_SERVER: `${idp.aliasIssuer}/` }));
    expect(brief(fs)).toEqual([f('issuer-mismatch', 'semantic', 'error', 'OIDC_SERVER')]);
    expect(fs[0]?.hint).toContain(`${idp.issuer}/`);
    const wrongSecret = await check(config({ OIDC_SERVER: `${idp.aliasIssuer}/`, CLIENT_SECRET: 'not-the-secret' }));
    expect(brief(wrongSecret).map((x) => x.code)).toEqual(['issuer-mismatch', 'auth-failed']);
  });

  it('does not compare the issuer when OIDC_ISSUER overrides it', async () => {
    expect(brief(await check(config({ OIDC_SERVER: `${idp.aliasIssuer}/`, OIDC_ISSUER: idp.issuer })))).toEqual([]);
  });

  it('tells a failed discovery from an unreachable server', async () => {
    // The provider's own 404 below its issuer, and a path on the same server where no provider is.
    expect(brief(await check(config({ OIDC_SERVER: `${idp.issuer}/nosuch/` })))).toEqual([f('discovery-failed', 'semantic', 'error', 'OIDC_SERVER')]);
    expect(brief(await check(config({ OIDC_SERVER: `${idp.httpsBase}/realms/nosuchrealm/` })))).toEqual([f('discovery-failed', 'semantic', 'error', 'OIDC_SERVER')]);
  });

  it('does not probe an OIDC_SERVER whose last path segment Quay would drop', async () => {
    expect(brief(await check(config({ OIDC_SERVER: idp.issuer })))).toEqual([f('trailing-slash-required', 'config', 'error', 'OIDC_SERVER')]);
  });

  it('warns when no login scope is supported, and when some are dropped', async () => {
    expect(brief(await check(config({ LOGIN_SCOPES: ['openid', 'groups'] })))).toEqual([f('scopes-dropped', 'semantic', 'warning', 'LOGIN_SCOPES')]);
    expect(brief(await check(config({ LOGIN_SCOPES: ['openid', 'email', 'profile', 'offline_access'] })))).toEqual([]);
    const none = await check(config({ LOGIN_SCOPES: ['read:org'] }));
    expect(brief(none)).toEqual([f('openid-scope-missing', 'config', 'warning', 'LOGIN_SCOPES'), f('no-supported-scopes', 'semantic', 'warning', 'LOGIN_SCOPES')]);
  });
});

describe('OIDC probe: client authentication and redirect URI', () => {
  it("sends Quay's real redirect URI (config-tool sent http://quay/oauth2/auth0/callback)", async () => {
    const adfs = { OIDC_SERVER: `${idp.httpsBase}/realms/adfs/` };
    expect(brief(await check(config(adfs)))).toEqual([]);
    const fs = await check(config(adfs, { SERVER_HOSTNAME: 'quay', PREFERRED_URL_SCHEME: 'http' }));
    expect(brief(fs)).toEqual([f('redirect-uri-rejected', 'semantic', 'error', 'OIDC_SERVER')]);
    expect(fs[0]?.hint).toContain('http://quay/oauth2/fakeidp/callback');
  });

  it('uses client_secret_post when the provider does not offer basic', async () => {
    expect(brief(await check(config({ OIDC_SERVER: `${idp.httpsBase}/realms/postonly/` })))).toEqual([]);
  });

  it('warns when the provider does not offer the client_secret_post Quay uses', async () => {
    expect(brief(await check(config({ OIDC_SERVER: `${idp.httpsBase}/realms/basiconly/` })))).toEqual([f('client-auth-method', 'semantic', 'warning', 'CLIENT_SECRET')]);
  });

  it('tests a public PKCE client with its client id alone', async () => {
    const pkce = { CLIENT_ID: idp.publicClientId, CLIENT_SECRET: undefined, PUBLIC_CLIENT: true, USE_PKCE: true };
    expect(brief(await check(config(pkce)))).toEqual([]);
    expect(brief(await check(config({ ...pkce, CLIENT_ID: 'unknown-app' })))).toEqual([f('auth-failed', 'auth', 'error', 'CLIENT_ID', 'CLIENT_SECRET')]);
  });

  it('checks several providers concurrently, each on its own keys', async () => {
    const cfg = {
      ...config({}),
      OTHER_LOGIN_CONFIG: { OIDC_SERVER: `${idp.issuer}/`, CLIENT_ID: idp.clientId, CLIENT_SECRET: 'wrong', SERVICE_NAME: 'Other' },
    };
    expect(brief(await check(cfg))).toEqual([{ code: 'auth-failed', fields: ['OTHER_LOGIN_CONFIG.CLIENT_ID', 'OTHER_LOGIN_CONFIG.CLIENT_SECRET'], severity: 'error', stage: 'auth' }]);
  });
});
