import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppRequest, type AppResponse, type AppServer } from '../harness/app-server';
import { startHangingServer, type HangingServer } from '../harness/scenarios';
import { makeSandbox, type Sandbox } from '../reliability/fs-guard';
import { procStats } from '../reliability/proc-stats';

/**
 * The red-team findings of issue 10, replayed against the real server: cross-site request forgery
 * (another port of the same host, cached Basic credentials, form content types), password guessing
 * in parallel, a revoked session token with something appended, idle and excess connections,
 * a flood of validations, a small upload that parses into millions of values, and the security
 * headers. Clients are told apart by their address: 127.0.0.0/8 is all loopback on Linux, so each
 * test speaks from its own 127.0.x.y and gets its own budgets.
 */

const MiB = 1024 * 1024;
let server: AppServer;
let sandbox: Sandbox;
let operator: http.Server;
let operatorUrl = '';
let hanging: HangingServer;
const received: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  operator = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"reconfiguring"}');
    });
  });
  await new Promise<void>((r) => operator.listen(0, '127.0.0.1', () => r()));
  operatorUrl = `http://127.0.0.1:${(operator.address() as AddressInfo).port}`;
  hanging = await startHangingServer();
  sandbox = makeSandbox('qc-network-');
  server = await startAppServer({
    cwd: sandbox.cwd,
    readonlyGroups: ['Database'],
    extraArgs: ['--operator-endpoint', operatorUrl],
    env: { TMPDIR: sandbox.tmp, MY_POD_NAME: 'registry-quay-config-editor-abc12', MY_POD_NAMESPACE: 'quay-ns' },
  });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await hanging?.close();
  await new Promise((r) => operator?.close(r));
  sandbox?.remove();
});

/** A client speaking from its own loopback address (one connection per request). */
function client(address: string) {
  const agent = new https.Agent({ keepAlive: false, localAddress: address, ca: server.certPem });
  return (method: string, path: string, req: AppRequest = {}): Promise<AppResponse> => server.request(method, path, { ...req, agent });
}

async function sessionCookie(address: string): Promise<string> {
  const r = await client(address)('POST', '/api/v2/session', { auth: false, body: JSON.stringify({ password: server.password }), headers: { 'content-type': 'application/json' } });
  expect(r.status, r.text).toBe(204);
  return /quayconfig_session=([^;]+)/.exec(String(r.headers['set-cookie']))?.[1] ?? '';
}

const BUNDLE = JSON.stringify({
  'config.yaml': { SERVER_HOSTNAME: 'quay.example.com', DB_URI: 'postgresql://quay:db-secret@db.example.com/quay', FEATURE_X: true },
  certs: {},
  managedFieldGroups: [],
});
const errorOf = (r: AppResponse) => (JSON.parse(r.text) as { error: string }).error;

describe('cross-site request forgery', () => {
  it('a hidden text/plain form on another port of the same host cannot reconfigure the registry', async () => {
    const cookie = await sessionCookie('127.0.1.1');
    const before = received.length;
    const r = await client('127.0.1.1')('POST', '/api/v1/config/operator', {
      auth: false,
      body: BUNDLE,
      // What Chromium sends for a form posted from https://127.0.0.1:9999 (same site: the Strict cookie goes along).
      headers: {
        cookie: `quayconfig_session=${cookie}`,
        'content-type': 'text/plain',
        origin: 'https://127.0.0.1:9999',
        'sec-fetch-site': 'same-site',
        'sec-fetch-mode': 'navigate',
        'sec-fetch-dest': 'iframe',
      },
    });
    expect(r.status, r.text).toBe(403);
    expect(errorOf(r)).toMatch(/same-site/);
    expect(received.length).toBe(before);
  });

  it('cached Basic credentials do not let another site post a bundle', async () => {
    const before = received.length;
    const attempts: Array<Record<string, string>> = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
      { origin: 'https://evil.example' }, // no fetch metadata (an older browser)
      { origin: 'null', 'sec-fetch-site': 'cross-site' }, // a sandboxed frame
      { origin: `https://127.0.0.1:${server.port + 1}` },
    ];
    for (const headers of attempts) {
      const r = await client('127.0.1.2')('POST', '/api/v1/config/operator', { body: BUNDLE, headers: { ...headers, 'content-type': 'application/json' } });
      expect(r.status, `${JSON.stringify(headers)}: ${r.text}`).toBe(403);
    }
    expect(received.length).toBe(before);
  });

  it('the right origin with a form content type, or none, is a 415', async () => {
    const own = { origin: server.url, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };
    const before = received.length;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      for (const path of ['/api/v1/config/operator', '/api/v2/validate?mode=offline', '/api/v2/bundle/download', '/api/v2/certs/self-signed']) {
        const headers: Record<string, string> = type ? { ...own, 'content-type': type } : own;
        const r = await client('127.0.1.3')('POST', path, { body: BUNDLE, headers });
        expect(r.status, `${path} as ${type ?? 'no type'}: ${r.text}`).toBe(415);
        expect(errorOf(r)).toMatch(/application\/json/);
      }
    }
    expect(received.length).toBe(before);
  });

  it('positive controls: the wizard itself (same origin, JSON) and curl (no Origin) get through', async () => {
    const cookie = await sessionCookie('127.0.1.4');
    const before = received.length;
    const wizard = await client('127.0.1.4')('POST', '/api/v1/config/operator', {
      auth: false,
      body: BUNDLE,
      headers: { cookie: `quayconfig_session=${cookie}`, 'content-type': 'application/json', origin: server.url, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
    });
    expect(wizard.status, wizard.text).toBe(200);
    const curl = await client('127.0.1.4')('POST', '/api/v1/config/operator', { body: BUNDLE, headers: { 'content-type': 'application/json' } });
    expect(curl.status, curl.text).toBe(200);
    expect(received.length).toBe(before + 2);
  });

  it('--readonly-groups are enforced by the server: their keys never reach the operator', async () => {
    const before = received.length;
    const r = await client('127.0.1.5')('POST', '/api/v1/config/operator', { body: BUNDLE, headers: { 'content-type': 'application/json' } });
    expect(r.status, r.text).toBe(200);
    const sent = received[before]?.['config.yaml'] as Record<string, unknown>;
    expect(sent).toEqual({ SERVER_HOSTNAME: 'quay.example.com', FEATURE_X: true });
  });

  it('reads of the API from another site are refused; navigating to it is not', async () => {
    const cookie = await sessionCookie('127.0.1.6');
    const call = client('127.0.1.6');
    const noCors = await call('GET', '/api/v2/config', {
      auth: false,
      headers: { cookie: `quayconfig_session=${cookie}`, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' },
    });
    expect(noCors.status).toBe(403);
    const navigate = await call('GET', '/api/v2/config', { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } });
    expect(navigate.status).toBe(200);
  });

  it('browsers are never invited to cache Basic credentials; other clients still get the challenge', async () => {
    const call = client('127.0.1.7');
    const browsers: Array<Record<string, string>> = [
      { 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130' },
      { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0', accept: 'application/json' },
      { accept: 'text/html,application/xhtml+xml' },
    ];
    for (const headers of browsers) {
      const r = await call('GET', '/api/v2/config', { auth: false, headers });
      expect(r.status).toBe(401);
      expect(r.headers['www-authenticate'], JSON.stringify(headers)).toBeUndefined();
    }
    const curl = await call('GET', '/api/v2/config', { auth: false, headers: { 'user-agent': 'curl/8.5.0' } });
    expect(curl.status).toBe(401);
    expect(String(curl.headers['www-authenticate'])).toMatch(/^Basic realm="quayconfig"/);
  });
});

describe('password guessing', () => {
  it('failed Basic and login attempts share one budget per client: parallel guesses get 429 + Retry-After', async () => {
    const call = client('127.0.2.1');
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => call('GET', '/api/v2/config', { auth: `guess-${i}` })));
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    for (const g of guesses.filter((x) => x.status === 429)) expect(Number(g.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The budget is spent: neither the right password over Basic nor a login gets a check now.
    expect((await call('GET', '/api/v2/config')).status).toBe(429);
    const login = await call('POST', '/api/v2/session', { auth: false, body: JSON.stringify({ password: server.password }), headers: { 'content-type': 'application/json' } });
    expect(login.status).toBe(429);
    expect(Number(login.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('login failures spend the same budget as Basic failures, and other clients keep theirs', async () => {
    const call = client('127.0.2.2');
    const logins = await Promise.all(Array.from({ length: 20 }, () => call('POST', '/api/v2/session', { auth: false, body: '{"password":"wrong"}', headers: { 'content-type': 'application/json' } })));
    expect(logins.filter((l) => l.status === 401).length).toBeLessThanOrEqual(10);
    expect(logins.filter((l) => l.status === 429).length).toBeGreaterThanOrEqual(10);
    expect((await call('GET', '/api/v2/config', { auth: 'one-more-guess' })).status).toBe(429);
    const other = client('127.0.2.3');
    expect((await other('GET', '/api/v2/config')).status).toBe(200);
    expect((await other('GET', '/api/v2/config', { auth: 'wrong' })).status).toBe(401);
    // A valid session is not a password attempt: it keeps working for a throttled client.
    const cookie = await sessionCookie('127.0.2.4');
    expect((await call('GET', '/api/v2/config', { auth: false, headers: { cookie: `quayconfig_session=${cookie}` } })).status).toBe(200);
  });
});

describe('logout', () => {
  it('a revoked token stays revoked with anything appended, and tokens are parsed strictly', async () => {
    const token = await sessionCookie('127.0.3.1');
    const call = client('127.0.3.1');
    const withToken = (t: string) => call('GET', '/api/v2/config', { auth: false, headers: { cookie: `quayconfig_session=${t}` } });
    expect((await withToken(token)).status).toBe(200);
    for (const variant of [`${token}.x`, `${token}.`, `${token}x`, ` ${token}.x`, `x${token}`, `${token}%00`]) expect((await withToken(variant)).status, variant).toBe(401);
    expect((await call('DELETE', '/api/v2/session', { auth: false, headers: { cookie: `quayconfig_session=${token}` } })).status).toBe(204);
    for (const variant of [token, `${token}.x`, `${token}.x.y`, `${token}.`]) expect((await withToken(variant)).status, variant).toBe(401);
  });
});

describe('connection and work limits', () => {
  it('closes a connection that never starts TLS well before two minutes', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port, localAddress: '127.0.4.1' });
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  }, 40_000);

  it('caps the connections one client holds; other clients still get in', async () => {
    const sockets: net.Socket[] = [];
    let closed = 0;
    const allClosedBeyondCap = new Promise<void>((resolve) => {
      for (let i = 0; i < 100; i++) {
        const s = net.connect({ host: '127.0.0.1', port: server.port, localAddress: '127.0.4.2' });
        s.on('error', () => {});
        s.once('close', () => {
          if (++closed >= 36) resolve();
        });
        sockets.push(s);
      }
    });
    try {
      await allClosedBeyondCap;
      expect(closed).toBe(36); // exactly the ones past the cap of 64: the others are still open
      const r = await client('127.0.4.3')('GET', '/api/v2/health', { auth: false });
      expect(r.status).toBe(200);
    } finally {
      for (const s of sockets) s.destroy();
    }
  }, 40_000);

  it('a flood of validations gets 503 + Retry-After past a bounded queue, and health stays up', async () => {
    const body = JSON.stringify({ 'config.yaml': { SERVER_HOSTNAME: 'quay.example.com', DB_URI: `postgresql://quay:pw@127.0.0.1:${hanging.port}/quay` } });
    const flood = Array.from({ length: 120 }, (_, i) =>
      client(`127.0.5.${1 + (i % 3)}`)('POST', '/api/v2/validate?mode=online&groups=Database&timeoutMs=3000', { body, headers: { 'content-type': 'application/json' }, timeoutMs: 120_000 }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const health = await client('127.0.5.9')('GET', '/api/v2/health', { auth: false });
    const answers = await Promise.all(flood);
    expect(health.status).toBe(200);
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(','),
    ).toBe(true);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(120 - 72);
    for (const b of busy) {
      expect(Number(b.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(errorOf(b)).toMatch(/busy/);
    }
    console.info(`validation flood: ${statuses.filter((s) => s === 200).length} validated, ${busy.length} told to retry`);
  }, 180_000);

  it('a 4 MiB config of a million list items is refused before it is parsed', async () => {
    const before = procStats(server.pid).rssBytes;
    const yaml = `SERVER_HOSTNAME: quay.example.com\nSUPER_USERS:\n${'- 1\n'.repeat(MiB)}`;
    const r = await client('127.0.6.1')('POST', '/api/v2/validate?mode=offline', { body: yaml, headers: { 'content-type': 'application/yaml' }, timeoutMs: 120_000 });
    expect(r.status, r.text.slice(0, 300)).toBe(413);
    expect(errorOf(r)).toMatch(/more than 50000 values/);
    const json = JSON.stringify({ 'config.yaml': { SERVER_HOSTNAME: 'q', SUPER_USERS: Array(MiB).fill(1) } });
    const j = await client('127.0.6.1')('POST', '/api/v2/validate?mode=offline', { body: json, headers: { 'content-type': 'application/json' }, timeoutMs: 120_000 });
    expect(j.status, j.text.slice(0, 300)).toBe(413);
    console.info(`server RSS around the 4 MiB uploads: ${(before / MiB).toFixed(0)} → ${(procStats(server.pid).rssBytes / MiB).toFixed(0)} MiB`);
  }, 180_000);
});

describe('security headers', () => {
  it('pages carry CSP (frame-ancestors), HSTS, nosniff and Referrer-Policy', async () => {
    const r = await client('127.0.7.1')('GET', '/login', { auth: false, headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    expect(String(r.headers['content-security-policy'])).toMatch(/object-src 'none'/);
    expect(String(r.headers['strict-transport-security'])).toMatch(/max-age=\d{7,}/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('API answers, secret-bearing or not, are never stored', async () => {
    const call = client('127.0.7.2');
    for (const [method, path] of [
      ['GET', '/api/v2/config'],
      ['GET', '/api/v2/schema'],
      ['GET', '/api/v2/openapi.json'],
      ['POST', '/api/v2/keys/psk'],
      ['POST', '/api/v2/keys/secret'],
      ['GET', '/api/v1/config'],
    ] as const) {
      const r = await call(method, path);
      expect(r.status, path).toBeLessThan(300);
      expect(r.headers['cache-control'], path).toBe('no-store');
    }
  });
});
