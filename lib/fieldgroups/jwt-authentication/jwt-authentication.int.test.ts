import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConfigMap } from '../../config/values';
import { validateConfig } from '../../validation/run';
import type { Finding } from '../../report/types';
import { closedPort, startHangingServer, type HangingServer } from '../../../test/harness/scenarios';

interface JwtInfo {
  url: string;
  httpsUrl: string;
  wrongHostUrl: string;
  issuer: string;
  certPem: string;
  otherCertPem: string;
}

const h = inject('harness');
const jwt = h.services['jwt-auth'] as unknown as JwtInfo;

function config(base: string, over: ConfigMap = {}): ConfigMap {
  return {
    AUTHENTICATION_TYPE: 'JWT',
    JWT_VERIFY_ENDPOINT: `${base}/user/verify`,
    JWT_GETUSER_ENDPOINT: `${base}/user/get`,
    JWT_QUERY_ENDPOINT: `${base}/user/query`,
    JWT_AUTH_ISSUER: jwt.issuer,
    ...over,
  };
}

async function check(cfg: ConfigMap, files: Record<string, string> = { 'jwt-authn.cert': jwt.certPem }): Promise<Finding[]> {
  const bundle = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const report = await validateConfig({ config: cfg, files: bundle }, { mode: 'online', groups: ['JWTAuthentication'], timeoutMs: 1500 });
  return report.groups.find((g) => g.group === 'JWTAuthentication')?.findings ?? [];
}

const brief = (fs: Finding[]) => fs.map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));
const ENDPOINTS = ['JWT_VERIFY_ENDPOINT', 'JWT_GETUSER_ENDPOINT', 'JWT_QUERY_ENDPOINT'];

describe('JWT authentication probes', () => {
  let hanging: HangingServer;
  let closed: number;
  beforeAll(async () => {
    hanging = await startHangingServer();
    closed = await closedPort();
  });
  afterAll(async () => hanging.close());

  it('accepts a server that follows the contract, over http and https', async () => {
    expect(brief(await check(config(jwt.url)))).toEqual([]);
    expect(brief(await check(config(jwt.httpsUrl), { 'jwt-authn.cert': jwt.certPem, 'extra_ca_certs/ca.crt': h.certs.caPem }))).toEqual([]);
  });

  it('fails a verify endpoint that accepts made-up credentials (auth)', async () => {
    const findings = await check(config(jwt.url, { JWT_VERIFY_ENDPOINT: `${jwt.url}/open/verify` }));
    expect(brief(findings)).toEqual([{ code: 'jwt-accepts-bogus-credentials', fields: ['JWT_VERIFY_ENDPOINT'], severity: 'error', stage: 'auth' }]);
  });

  it('proves the key and the issuer with a signed query token', async () => {
    const wrongKey = await check(config(jwt.url), { 'jwt-authn.cert': jwt.otherCertPem });
    expect(brief(wrongKey)).toEqual([{ code: 'jwt-signature-mismatch', fields: ['jwt-authn.cert'], severity: 'error', stage: 'semantic' }]);
    const wrongIssuer = await check(config(jwt.url, { JWT_AUTH_ISSUER: 'someone-else' }));
    expect(brief(wrongIssuer)).toEqual([{ code: 'jwt-issuer-mismatch', fields: ['JWT_AUTH_ISSUER'], severity: 'error', stage: 'semantic' }]);
    const tooLong = await check(config(jwt.url, { JWT_AUTH_MAX_FRESH_S: 30 }));
    expect(brief(tooLong)).toEqual([{ code: 'jwt-token-too-long-lived', fields: ['JWT_QUERY_ENDPOINT', 'JWT_AUTH_MAX_FRESH_S'], severity: 'error', stage: 'semantic' }]);
  });

  it('fails a getuser endpoint that answers the health ping with 200', async () => {
    const findings = await check(config(jwt.url, { JWT_GETUSER_ENDPOINT: `${jwt.url}/open/get` }));
    expect(brief(findings)).toEqual([{ code: 'jwt-unexpected-status', fields: ['JWT_GETUSER_ENDPOINT'], severity: 'error', stage: 'semantic' }]);
  });

  it('reports an untrusted CA and a certificate for another host on every endpoint (tls)', async () => {
    const untrusted = await check(config(jwt.httpsUrl), { 'jwt-authn.cert': jwt.certPem, 'extra_ca_certs/other.crt': h.certs.otherCaPem });
    expect(brief(untrusted)).toEqual(ENDPOINTS.map((f) => ({ code: 'tls-untrusted', fields: [f], severity: 'error', stage: 'tls' })));
    const mismatch = await check(config(jwt.wrongHostUrl), { 'jwt-authn.cert': jwt.certPem, 'extra_ca_certs/ca.crt': h.certs.caPem });
    expect(brief(mismatch)).toEqual(ENDPOINTS.map((f) => ({ code: 'tls-hostname-mismatch', fields: [f], severity: 'error', stage: 'tls' })));
  });

  it('reports a closed port at the tcp stage', async () => {
    const findings = await check(config(`http://127.0.0.1:${closed}`));
    expect(brief(findings)).toEqual(ENDPOINTS.map((f) => ({ code: 'connection-refused', fields: [f], severity: 'error', stage: 'tcp' })));
  });

  it.each([
    ['http', 'semantic'],
    ['https', 'tls'],
  ])('reports a server that never answers (%s) as a timeout at the %s stage', async (scheme, stage) => {
    const findings = await check(config(`${scheme}://127.0.0.1:${hanging.port}`));
    expect(brief(findings)).toEqual(ENDPOINTS.map((f) => ({ code: 'timeout', fields: [f], severity: 'error', stage })));
  });
});
