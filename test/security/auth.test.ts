import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppResponse, type AppServer } from '../harness/app-server';
import { makeSandbox, type Sandbox } from '../reliability/fs-guard';
import { appRoutes, PUBLIC_ROUTES } from './routes';

/**
 * Authentication of every route of the running server, enumerated from the app's route table:
 * without credentials, with a wrong password or user, with forged or tampered session cookies and
 * with path tricks, nothing but the public routes answers; API routes say 401 with a Basic
 * challenge, pages send browsers to /login. Positive controls prove the checks are not vacuous.
 */

const MARKER = `AUTH-MARKER-${randomBytes(6).toString('hex')}`;
const routes = appRoutes();
let server: AppServer;
let sandbox: Sandbox;
let sessionToken = '';

beforeAll(async () => {
  sandbox = makeSandbox('qc-auth-');
  // A preloaded bundle whose config carries a marker: any leak of GET /api/v2/config shows it.
  const bundle = path.join(sandbox.inputs, 'stack');
  mkdirSync(bundle);
  writeFileSync(path.join(bundle, 'config.yaml'), `SERVER_HOSTNAME: quay.example.com\nDB_URI: postgresql://quay:${MARKER}@db.example.com/quay\n`);
  server = await startAppServer({ cwd: sandbox.cwd, configDir: bundle });
  // A session for the cookie checks below.
  const login = await server.request('POST', '/api/v2/session', { auth: false, body: JSON.stringify({ password: server.password }), headers: { 'content-type': 'application/json' } });
  expect(login.status).toBe(204);
  const cookie = String(login.headers['set-cookie'] ?? '');
  sessionToken = /quayconfig_session=([^;]+)/.exec(cookie)?.[1] ?? '';
  expect(sessionToken).not.toBe('');
}, 600_000);

afterAll(async () => {
  await server?.stop();
  sandbox?.remove();
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const body = (method: string) => (method === 'GET' || method === 'HEAD' ? undefined : '{}');
const jsonHeaders = (method: string): Record<string, string> => (body(method) ? { 'content-type': 'application/json' } : {});

/** Ways of asking without valid credentials, each with its headers. */
function intruders(): Array<[string, Record<string, string>]> {
  const [sid = '', expiry = '', mac = ''] = sessionToken.split('.');
  const otherKeyMac = createHmac('sha256', randomBytes(32)).update(`${sid}.${expiry}`).digest('base64url');
  return [
    ['no credentials', {}],
    ['a wrong password', { authorization: basic('quayconfig', 'wrong-password') }],
    ['the right password for another user', { authorization: basic('admin', server.password) }],
    ['an empty password', { authorization: basic('quayconfig', '') }],
    ['the password as a Bearer token', { authorization: `Bearer ${server.password}` }],
    ['Basic without a colon', { authorization: `Basic ${Buffer.from(`quayconfig${server.password}`).toString('base64')}` }],
    ['Basic with garbage', { authorization: 'Basic %%%not-base64%%%' }],
    ['a forged session cookie', { cookie: `quayconfig_session=${randomBytes(16).toString('base64url')}.9999999999999.${randomBytes(32).toString('base64url')}` }],
    ['a session cookie signed with another key', { cookie: `quayconfig_session=${sid}.${expiry}.${otherKeyMac}` }],
    ['a session cookie with its expiry pushed back', { cookie: `quayconfig_session=${sid}.${Number(expiry) + 1_000_000_000}.${mac}` }],
    ['a session cookie under another session id', { cookie: `quayconfig_session=${randomBytes(16).toString('base64url')}.${expiry}.${mac}` }],
    ['a session cookie without a signature', { cookie: `quayconfig_session=${sid}.${expiry}` }],
    ['a session cookie with a suffix', { cookie: `quayconfig_session=${sessionToken}.x` }],
    ['a session cookie under another name', { cookie: `session=${sessionToken}; quayconfig_sessionx=${sessionToken}` }],
  ];
}

function expectApiRefusal(r: AppResponse, what: string): void {
  expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBe(401);
  expect(String(r.headers['www-authenticate'])).toMatch(/^Basic realm="quayconfig"/);
  if (r.text) expect((JSON.parse(r.text) as { error?: unknown }).error).toEqual(expect.any(String));
  expect(r.text).not.toContain(MARKER);
}

const protectedRequests = routes.flatMap((route) => route.methods.filter((m) => !PUBLIC_ROUTES.has(`${m} ${route.path}`)).map((m) => [`${m} ${route.path}`, route, m] as const));

describe('the route table', () => {
  it('has the API routes and pages the server is known to have', () => {
    const names = routes.map((r) => `${r.kind} ${r.path}`);
    expect(names).toEqual(expect.arrayContaining(['api /api/v2/health', 'api /api/v2/validate', 'api /api/v1/config/validate', 'api /api/v2/session', 'page /', 'page /login']));
    expect(routes.filter((r) => r.kind === 'api').every((r) => r.methods.length > 0)).toBe(true);
  });
});

/**
 * Failed Basic attempts are budgeted per client (lib/server/throttle): each test speaks from its
 * own loopback address (all of 127.0.0.0/8 reaches the server on Linux), so the budget of one test
 * is not spent by the others.
 */
let nextClient = 0;
function clientAgent(): https.Agent {
  nextClient++;
  return new https.Agent({ keepAlive: false, ca: server.certPem, localAddress: `127.0.${100 + Math.floor(nextClient / 250)}.${1 + (nextClient % 250)}` });
}

describe('every protected route refuses requests without valid credentials', () => {
  it.each(protectedRequests)('%s', async (_name, route, method) => {
    const agent = clientAgent();
    for (const [what, headers] of intruders()) {
      const r = await server.request(method, route.path, { auth: false, headers: { ...headers, ...jsonHeaders(method) }, body: body(method), agent });
      expectApiRefusal(r, `${method} ${route.path} with ${what}`);
      if (route.kind === 'page' && method === 'GET') {
        // A browser is sent to the login form instead, keeping where it wanted to go.
        const page = await server.request(method, route.path, { auth: false, headers: { ...headers, accept: 'text/html,application/xhtml+xml' }, agent: clientAgent() });
        expect(page.status, `${route.path} in a browser with ${what}`).toBe(303);
        expect(page.headers.location).toBe(`/login?next=${encodeURIComponent(route.path)}`);
        expect(page.text).not.toContain(MARKER);
      }
    }
  });

  it.each(routes.filter((r) => r.kind === 'api').map((r) => [r.path, r] as const))('%s: a method it does not export is refused before routing', async (_name, route) => {
    const r = await server.request('PUT', route.path, { auth: false, body: '{}', headers: { 'content-type': 'application/json' } });
    expectApiRefusal(r, `PUT ${route.path}`);
  });
});

/** A session of its own, for a test that logs it out. */
async function freshSessionToken(): Promise<string> {
  const login = await server.request('POST', '/api/v2/session', { auth: false, body: JSON.stringify({ password: server.password }), headers: { 'content-type': 'application/json' } });
  expect(login.status).toBe(204);
  return /quayconfig_session=([^;]+)/.exec(String(login.headers['set-cookie']))?.[1] ?? '';
}

describe('positive controls: the same requests with valid credentials get through', () => {
  it.each(protectedRequests)('%s', async (_name, route, method) => {
    // Logging out revokes the token: that request gets a session of its own.
    const token = method === 'DELETE' && route.path === '/api/v2/session' ? await freshSessionToken() : sessionToken;
    for (const [what, headers] of [
      ['Basic auth', {}],
      ['the session cookie', { cookie: `quayconfig_session=${token}` }],
    ] as const) {
      const r = await server.request(method, route.path, {
        auth: what === 'Basic auth',
        headers: { ...headers, ...jsonHeaders(method), accept: route.kind === 'page' ? 'text/html' : '*/*' },
        body: body(method),
      });
      expect(r.status, `${method} ${route.path} with ${what}: ${r.text.slice(0, 200)}`).not.toBe(401);
      expect(r.status).not.toBe(303);
      expect(r.status).toBeLessThan(500);
    }
  });

  it('GET /api/v2/config with credentials returns the preloaded bundle (so a leak would show)', async () => {
    const r = await server.request('GET', '/api/v2/config');
    expect(r.status).toBe(200);
    expect(r.text).toContain(MARKER);
  });
});

describe('public routes', () => {
  it('GET /api/v2/health answers without credentials', async () => {
    const r = await server.request('GET', '/api/v2/health', { auth: false });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ status: 'ok' });
  });

  it('GET /login answers without credentials', async () => {
    const r = await server.request('GET', '/login', { auth: false, headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(r.text).toContain('<html');
    expect(r.text).not.toContain(MARKER);
  });

  it('POST /api/v2/session refuses a wrong password with 401 and sets no cookie', async () => {
    const r = await server.request('POST', '/api/v2/session', { auth: false, body: JSON.stringify({ password: 'wrong' }), headers: { 'content-type': 'application/json' }, agent: clientAgent() });
    expect(r.status).toBe(401);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(r.text)).toEqual({ error: 'wrong password' });
  });

  it('POST /api/v2/session refuses malformed and oversized bodies with a 4xx', async () => {
    for (const [payload, status] of [
      ['not json', 400],
      ['{"password": 5}', 400],
      [JSON.stringify({ password: 'x'.repeat(100_000) }), 413],
    ] as const) {
      const r = await server.request('POST', '/api/v2/session', { auth: false, body: payload, headers: { 'content-type': 'application/json' } });
      expect(r.status, r.text).toBe(status);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('logout', () => {
  it('a session token stops working once its session is logged out, not only in that browser', async () => {
    const cookie = { cookie: `quayconfig_session=${await freshSessionToken()}` };
    expect((await server.request('GET', '/api/v2/config', { auth: false, headers: cookie })).status).toBe(200);
    const logout = await server.request('DELETE', '/api/v2/session', { auth: false, headers: cookie });
    expect(logout.status).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/quayconfig_session=;.*Max-Age=0/);
    expectApiRefusal(await server.request('GET', '/api/v2/config', { auth: false, headers: cookie }), 'a logged-out session token');
    // Other sessions are not affected.
    expect((await server.request('GET', '/api/v2/config', { auth: false, headers: { cookie: `quayconfig_session=${sessionToken}` } })).status).toBe(200);
  });
});

describe('path tricks do not reach a protected route through a public prefix', () => {
  const tricks = [
    '/api/v2/health/../config',
    '/api/v2/health/..%2fconfig',
    '/api/v2/health%2f..%2fconfig',
    '/api/v2/health/%2e%2e/config',
    '/_next/static/../../api/v2/config',
    '/_next/static/..%2f..%2fapi%2fv2%2fconfig',
    '/_next/static/%2e%2e/%2e%2e/api/v2/config',
    '/login/../api/v2/config',
    '/login/..%2fapi/v2/config',
    '/favicon.ico/../api/v2/config',
    '//api/v2/config',
    '/api/v2//config',
    '/api/v2/./config',
    '/api/v2/config/',
    '/API/V2/CONFIG',
    '/%61pi/v2/config',
    '/api/v2/config;/health',
    '/api/v2/health;/../config',
    '/api/v2/config?/api/v2/health',
    '/api/v2/config%23/api/v2/health',
    '/api/v1/config/./../config',
  ];

  it.each(tricks)('%s', async (trick) => {
    const agent = clientAgent();
    for (const method of ['GET', 'HEAD', 'POST']) {
      const r = await server.request(method, trick, { auth: false, body: body(method), headers: jsonHeaders(method), agent });
      expect(r.text, `${method} ${trick}`).not.toContain(MARKER);
      const isHealth = r.status === 200 && r.text.trim() === '{"status":"ok"}';
      if (r.status < 300 && !isHealth && method !== 'HEAD') throw new Error(`${method} ${trick} answered ${r.status} without credentials: ${r.text.slice(0, 200)}`);
      if (method === 'HEAD' && r.status < 300) {
        // HEAD has no body to compare: the same path with GET must then be public.
        const get = await server.request('GET', trick, { auth: false });
        expect(get.status < 300 ? get.text.trim() : '{"status":"ok"}', `HEAD ${trick} answered ${r.status}`).toBe('{"status":"ok"}');
      }
    }
  });
});
