import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeConnections } from './connections';
import type { ProbeContext } from './context';
import { probeSwiftStorage, type SwiftProbeTarget } from './swift';

/**
 * Which requests the Swift probe sends (issue 11): Quay never HEADs its container, so neither does
 * the probe when the PUT works; a refused PUT is explained by the container's answer, as before.
 * The checks against a real Swift are in distributed-storage.int.test.ts.
 */

const servers: http.Server[] = [];
const pools: Array<ReturnType<typeof probeConnections>> = [];
afterEach(() => {
  pools.splice(0).forEach((p) => p.destroy());
  servers.splice(0).forEach((s) => s.close());
});

type Container = 'ok' | 'missing' | 'hidden' | 'read-only';

/** A Swift v1 endpoint with one container in the given state; records "METHOD path-kind" per request. */
async function fakeSwift(container: Container): Promise<{ authUrl: string; requests: string[] }> {
  const requests: string[] = [];
  let stored: string | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const kind = url.pathname === '/auth/v1.0' ? 'auth' : url.pathname === '/v1/AUTH_t/quay' ? 'container' : url.searchParams.has('temp_url_sig') ? 'temp-url' : 'object';
    requests.push(`${req.method} ${kind}`);
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const reply = (status: number, text = '') => {
        res.statusCode = status;
        res.setHeader('content-length', String(Buffer.byteLength(text)));
        res.end(req.method === 'HEAD' ? undefined : text);
      };
      if (kind === 'auth') {
        res.setHeader('x-auth-token', 'tok');
        res.setHeader('x-storage-url', `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/AUTH_t`);
        return reply(200);
      }
      if (kind === 'container') return reply(container === 'missing' ? 404 : container === 'hidden' ? 403 : 204);
      if (container === 'missing') return reply(404);
      if (req.method === 'PUT') {
        if (container !== 'ok') return reply(403);
        stored = body;
        return reply(201);
      }
      if (req.method === 'GET') return stored === undefined ? reply(404) : reply(200, stored);
      return reply(204);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { authUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/v1.0`, requests };
}

const ctx = (): ProbeContext => {
  const connections = probeConnections();
  pools.push(connections);
  return {
    connections,
    signal: new AbortController().signal,
    timeoutMs: 5000,
    files: new Map(),
    extraCAs: [],
    enter: () => {},
    endpoints: { github: '', githubApi: '', gitlab: '', google: '', bitbucket: '', s3: '' },
  };
};

const target = (authUrl: string, tempUrlKey?: string): SwiftProbeTarget => ({
  label: 'storage location "swift"',
  auth: { authUrl, version: 1, user: 'quay:quay', key: 'pw', osOptions: {} },
  container: 'quay',
  object: 'registry/quay-config-probe',
  ...(tempUrlKey ? { tempUrlKey } : {}),
  fields: { location: ['L'], authUrl: ['A'], credentials: ['C'], container: ['K'], tempUrlKey: ['T'] },
});

describe('the Swift probe', () => {
  it('writes, reads back (also through a temp URL) and deletes, without a HEAD of the container', async () => {
    const swift = await fakeSwift('ok');
    expect(await probeSwiftStorage(target(swift.authUrl, 'k'), ctx())).toEqual([]);
    expect(swift.requests.slice(0, 2)).toEqual(['GET auth', 'PUT object']);
    // the two reads go out together, in either order
    expect(swift.requests.slice(2, 4).sort()).toEqual(['GET object', 'GET temp-url']);
    expect(swift.requests.slice(4)).toEqual(['DELETE object']);
  });

  it('a refused PUT is explained by the container: missing, not visible, or only not writable', async () => {
    const codes: Record<Container, string[]> = { ok: [], missing: [], hidden: [], 'read-only': [] };
    for (const state of ['missing', 'hidden', 'read-only'] as const) {
      const swift = await fakeSwift(state);
      codes[state] = (await probeSwiftStorage(target(swift.authUrl), ctx())).map((f) => `${f.code} ${f.fields[0]}`);
      expect(swift.requests).toEqual(['GET auth', 'PUT object', 'HEAD container']);
    }
    expect(codes).toEqual({ ok: [], missing: ['container-missing K'], hidden: ['container-denied C'], 'read-only': ['write-denied C'] });
  });
});
