import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../harness/app-server';
import { appRoutes } from '../security/routes';
import { makeSandbox, type Sandbox } from './fs-guard';
import { expectErrorBody, expectNoInternals } from './hostile-expect';

/**
 * Every route that takes a body, found in the route table (so routes added later are covered),
 * gets malformed bodies and query strings: each answer is a 2xx or a 4xx `{"error"}`, never a
 * 5xx, a dropped connection or a stack trace.
 */

const MiB = 1024 * 1024;
const postRoutes = appRoutes().filter((r) => r.kind === 'api' && r.methods.includes('POST'));
let server: AppServer;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = makeSandbox('qc-api-bodies-');
  server = await startAppServer({ cwd: sandbox.cwd, env: { TMPDIR: sandbox.tmp } });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  sandbox?.remove();
});

const bodies: Array<[string, string | Buffer, string]> = [
  ['no body', '', 'application/json'],
  ['not JSON', '{"a": ', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['a JSON array', '[1, 2]', 'application/json'],
  ['a JSON string', '"x"', 'application/json'],
  ['an empty object', '{}', 'application/json'],
  ['wrong types everywhere', JSON.stringify({ name: 5, hostname: [], ips: 'x', psk: {}, files: 7, certs: [], 'config.yaml': 1, password: null, managedFieldGroups: 'x' }), 'application/json'],
  ['strings where objects go', JSON.stringify({ name: '../../etc/evil', hostname: '-bad-', ips: ['999.1.1.1', '::zz'], files: { '../x.crt': '!!' }, certs: { '/abs': 'eA==' } }), 'application/json'],
  ['deep nesting', `{"a": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`, 'application/json'],
  ['a 6 MB string', JSON.stringify({ name: 'n'.repeat(6 * MiB), hostname: 'h'.repeat(6 * MiB) }), 'application/json'],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
  ['binary as octet-stream', Buffer.from([0x00, 0x01, 0xff, 0x1f, 0x8b, 0x08]), 'application/octet-stream'],
  ['form data', 'a=1&b=2', 'application/x-www-form-urlencoded'],
  ['text', 'hello', 'text/plain'],
];

const queries = ['?mode=evil', '?mode=online&timeoutMs=-1', '?timeoutMs=1e309', '?groups=..%2F..%2Fetc', '?name=..%2F..%2Fetc%2Fevil&namespace=%00', '?mode=%00'];

/**
 * Sends a body; a server that answers 413 and closes while a multi-megabyte body is still being sent
 * may reach the client as EPIPE/ECONNRESET instead of the answer. That is a refusal, not a crash:
 * accepted for large bodies only, and only if the server still answers health right after.
 */
async function requestOrRefused(route: string, body: string | Buffer, type: string) {
  try {
    return await server.request('POST', route, { body, headers: { 'content-type': type }, timeoutMs: 60_000 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (Buffer.byteLength(body) <= MiB || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw e;
    expect((await server.request('GET', '/api/v2/health', { auth: false })).status).toBe(200);
    return 'refused-early' as const;
  }
}

describe('malformed bodies on every POST route', () => {
  it('covers the routes that take a body', () => {
    expect(postRoutes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v2/validate', '/api/v2/bundle/parse', '/api/v1/config/validate', '/api/v2/certs/inspect', '/api/v2/keys/service-key']));
  });

  it.each(postRoutes.map((r) => [r.path] as const))('%s', async (route) => {
    for (const [what, body, type] of bodies) {
      const r = await requestOrRefused(route, body, type);
      if (r === 'refused-early') continue;
      expect(r.status, `${route} with ${what}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
      if (r.status >= 400) expectErrorBody(r.text, '');
      else expectNoInternals(r.text.slice(0, 200_000));
    }
    for (const q of queries) {
      const r = await server.request('POST', `${route}${q}`, { body: '{"config.yaml": {"SERVER_HOSTNAME": "q.example.com"}}', headers: { 'content-type': 'application/json' }, timeoutMs: 60_000 });
      expect(r.status, `${route}${q}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
      if (r.status >= 400) expectErrorBody(r.text, '');
    }
  });

  it('the server logged no internal error', () => {
    expect(server.output()).not.toMatch(/internal error|\n\s+at .+:\d+:\d+|Unhandled|uncaught/i);
  });
});
