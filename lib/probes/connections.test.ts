import { rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeTestCerts } from '../../test/harness/certs';
import { makeRunDir } from '../../test/harness/run-dir';
import { probeConnections } from './connections';
import { DEFAULT_ENDPOINTS, type ProbeContext } from './context';
import { probeHttp } from './http';

/**
 * A probe's kept-alive connections (issue 11): requests in a row to one origin share one
 * connection, concurrent ones do not wait for each other, a connection is never reused under
 * another trust context, and none survives the pool.
 */

const dir = makeRunDir('connections');
const certs = makeTestCerts(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(secure: boolean): Promise<{ url: string; connections: () => number; open: () => number }> {
  let connections = 0;
  let open = 0;
  const handler: http.RequestListener = (_req, res) => res.end('ok');
  const server = secure ? https.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem }, handler) : http.createServer(handler);
  server.on(secure ? 'secureConnection' : 'connection', (socket: import('node:net').Socket) => {
    connections++;
    open++;
    socket.once('close', () => open--);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `${secure ? 'https' : 'http'}://localhost:${port}/`, connections: () => connections, open: () => open };
}

const ctx = (extraCAs: string[], connections = probeConnections()): ProbeContext => ({
  signal: new AbortController().signal,
  timeoutMs: 5000,
  files: new Map(),
  extraCAs,
  enter: () => {},
  endpoints: DEFAULT_ENDPOINTS,
  connections,
});

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('a probe’s connections', () => {
  it('carry requests in a row to one origin over one TLS connection, and close with the pool', async () => {
    const s = await serve(true);
    const c = ctx([certs.caPem]);
    for (let i = 0; i < 3; i++) expect((await probeHttp(s.url, {}, c)).status).toBe(200);
    expect(s.connections()).toBe(1);
    c.connections?.destroy();
    await until(() => s.open() === 0);
    expect(s.open()).toBe(0);
  });

  it('open a connection per request without a pool (positive control)', async () => {
    const s = await serve(false);
    const c = { ...ctx([]), connections: undefined };
    for (let i = 0; i < 3; i++) await probeHttp(s.url, {}, c);
    expect(s.connections()).toBe(3);
  });

  it('let concurrent requests run side by side', async () => {
    const s = await serve(false);
    const c = ctx([]);
    await Promise.all([probeHttp(s.url, {}, c), probeHttp(s.url, {}, c)]);
    expect(s.connections()).toBe(2);
    c.connections?.destroy();
  });

  it('never reuse a connection verified against other CAs', async () => {
    const s = await serve(true);
    const pool = probeConnections();
    expect((await probeHttp(s.url, {}, ctx([certs.caPem], pool))).status).toBe(200);
    // The same origin under a trust set without the test CA: a new handshake, which must fail.
    await expect(probeHttp(s.url, {}, ctx([certs.otherCaPem], pool))).rejects.toThrow(/certificate/i);
    expect(s.connections()).toBe(1);
    pool.destroy();
  });
});
