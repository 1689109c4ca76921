import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { generateClairPsk } from '../keys/psk';
import { validateConfig } from '../validation/run';
import type { GroupReport } from '../report/types';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';

const h = inject('harness');
const clair = (k: 'url' | 'httpsUrl' | 'wrongHostUrl' | 'psk'): string => String(h.services.clair?.[k]);
const WRONG_PSK = generateClairPsk();
const caFiles = new Map([['extra_ca_certs/test-ca.crt', new TextEncoder().encode(h.certs.caPem)]]);

async function scan(config: ConfigMap, files: ReadonlyMap<string, Uint8Array> = new Map()): Promise<GroupReport> {
  const report = await validateConfig({ config: { FEATURE_SECURITY_SCANNER: true, ...config }, files }, { mode: 'online', groups: ['SecurityScanner'], timeoutMs: 1500 });
  const group = report.groups.find((g) => g.group === 'SecurityScanner');
  if (!group) throw new Error('no SecurityScanner report');
  // No PSK (right or wrong) ever reaches a report.
  const text = JSON.stringify(report);
  expect(text).not.toContain(clair('psk'));
  expect(text).not.toContain(WRONG_PSK);
  return group;
}

const summary = (g: GroupReport) => g.findings.map((f) => ({ code: f.code, fields: f.fields, severity: f.severity, stage: f.stage }));
const V4_FIELDS = ['SECURITY_SCANNER_V4_ENDPOINT', 'SECURITY_SCANNER_V4_PSK'];

let hanging: HangingServer;
let notClair: http.Server;
let notClairUrl = '';
let jsonNotClairUrl = '';
let jsonNotClair: http.Server;

async function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  return [server, `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`];
}

beforeAll(async () => {
  hanging = await startHangingServer();
  [notClair, notClairUrl] = await listen((_req, res) => res.writeHead(404).end('404 page not found'));
  [jsonNotClair, jsonNotClairUrl] = await listen((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
});
afterAll(async () => {
  await hanging.close();
  notClair.closeAllConnections();
  jsonNotClair.closeAllConnections();
  await Promise.all([notClair, jsonNotClair].map((s) => new Promise((r) => s.close(r))));
});

describe('SecurityScanner online: Clair v4', () => {
  it("accepts a Clair that verifies Quay's PSK-signed token (http)", async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: clair('url'), SECURITY_SCANNER_V4_PSK: clair('psk') });
    expect(summary(g)).toEqual([]);
    expect(g.status).toBe('ok');
  });

  it('accepts it over https when the CA is in extra_ca_certs', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: clair('httpsUrl'), SECURITY_SCANNER_V4_PSK: clair('psk') }, caFiles);
    expect(summary(g)).toEqual([]);
  });

  it('reports a wrong PSK at the auth stage', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: clair('url'), SECURITY_SCANNER_V4_PSK: WRONG_PSK });
    expect(summary(g)).toEqual([{ code: 'psk-rejected', fields: V4_FIELDS, severity: 'error', stage: 'auth' }]);
  });

  it('reports a missing PSK when Clair wants one', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: clair('url') });
    expect(summary(g)).toEqual([
      { code: 'auth-required', fields: V4_FIELDS, severity: 'error', stage: 'auth' },
      { code: 'psk-missing', fields: ['SECURITY_SCANNER_V4_PSK'], severity: 'warning', stage: 'config' },
    ]);
  });

  it('reports an untrusted certificate at the tls stage', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: clair('httpsUrl'), SECURITY_SCANNER_V4_PSK: clair('psk') });
    expect(summary(g)).toEqual([{ code: 'tls-untrusted', fields: V4_FIELDS, severity: 'error', stage: 'tls' }]);
  });

  it('reports a certificate for another host at the tls stage', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: clair('wrongHostUrl'), SECURITY_SCANNER_V4_PSK: clair('psk') }, caFiles);
    expect(summary(g)).toEqual([{ code: 'tls-hostname-mismatch', fields: V4_FIELDS, severity: 'error', stage: 'tls' }]);
  });

  it('reports a closed port at the tcp stage', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: `http://127.0.0.1:${await closedPort()}`, SECURITY_SCANNER_V4_PSK: clair('psk') });
    expect(summary(g)).toEqual([{ code: 'connection-refused', fields: V4_FIELDS, severity: 'error', stage: 'tcp' }]);
  });

  it('times out a server that accepts and never answers: at tls for https', async () => {
    const before = hanging.accepted();
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: `https://127.0.0.1:${hanging.port}`, SECURITY_SCANNER_V4_PSK: clair('psk') });
    expect(summary(g)).toEqual([{ code: 'timeout', fields: V4_FIELDS, severity: 'error', stage: 'tls' }]);
    expect(hanging.accepted()).toBeGreaterThan(before);
  });

  it('times out a server that accepts and never answers: waiting for the HTTP answer for http', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: `http://127.0.0.1:${hanging.port}`, SECURITY_SCANNER_V4_PSK: clair('psk') });
    expect(summary(g)).toEqual([{ code: 'timeout', fields: V4_FIELDS, severity: 'error', stage: 'semantic' }]);
  });

  it.each([
    ['404 on the index state path', () => notClairUrl],
    ["200 that is not Clair's index state", () => jsonNotClairUrl],
  ])('tells a non-Clair endpoint: %s', async (_name, url) => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: url(), SECURITY_SCANNER_V4_PSK: clair('psk') });
    expect(summary(g)).toEqual([{ code: 'not-clair-v4', fields: V4_FIELDS, severity: 'error', stage: 'semantic' }]);
  });

  it('does not probe when the PSK is malformed', async () => {
    const g = await scan({ SECURITY_SCANNER_V4_ENDPOINT: clair('url'), SECURITY_SCANNER_V4_PSK: 'not base64!' });
    expect(summary(g)).toEqual([{ code: 'psk-not-base64', fields: ['SECURITY_SCANNER_V4_PSK'], severity: 'error', stage: 'config' }]);
  });
});

describe('SecurityScanner online: Clair v2', () => {
  it('counts any HTTP answer as reachable', async () => {
    const g = await scan({ SECURITY_SCANNER_ENDPOINT: notClairUrl });
    expect(summary(g)).toEqual([{ code: 'clair-v2-deprecated', fields: ['SECURITY_SCANNER_ENDPOINT'], severity: 'warning', stage: 'config' }]);
  });

  it('reports a closed port at the tcp stage', async () => {
    const g = await scan({ SECURITY_SCANNER_ENDPOINT: `http://127.0.0.1:${await closedPort()}` });
    expect(summary(g)).toContainEqual({ code: 'connection-refused', fields: ['SECURITY_SCANNER_ENDPOINT'], severity: 'error', stage: 'tcp' });
  });
});
