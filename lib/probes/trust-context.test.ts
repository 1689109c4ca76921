import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestCerts } from '../../test/harness/certs';
import { makeRunDir } from '../../test/harness/run-dir';
import type { ProbeContext } from './context';
import { tlsClientOptions, trustContext } from './net';

const dir = makeRunDir('trust-context');
const certs = makeTestCerts(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { extraCAs: [certs.caPem] } as unknown as ProbeContext;

describe('trust contexts', () => {
  it('are shared by connections that trust the same CAs, and differ otherwise', () => {
    const a = tlsClientOptions(ctx, { servername: 'db.example.com' });
    const b = tlsClientOptions(ctx, { servername: 'ldap.example.com', verify: false });
    expect(a.secureContext).toBeDefined();
    expect(b.secureContext).toBe(a.secureContext);
    expect(tlsClientOptions(ctx, { extraPems: [certs.otherCaPem] }).secureContext).not.toBe(a.secureContext);
    expect(b.rejectUnauthorized).toBe(false);
  });

  it('keep no client key: a client certificate gets options of its own', () => {
    const o = tlsClientOptions(ctx, { cert: certs.serverCertPem, key: certs.serverKeyPem });
    expect(o.secureContext).toBeUndefined();
    expect(o.key).toBe(certs.serverKeyPem);
    expect(o.ca).toContain(certs.caPem);
  });

  it('stay few however many trust sets a long-running server sees', () => {
    const first = trustContext([certs.otherCaPem]);
    expect(trustContext([certs.otherCaPem])).toBe(first);
    for (let i = 0; i < 40; i++) trustContext([certs.caPem, `# set ${i}`]);
    expect(trustContext([certs.otherCaPem])).not.toBe(first);
  });

  it('trust the bundle CAs on top of the roots, and nothing else', async () => {
    const server = tls.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem }, (s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const handshake = (secureContext: tls.SecureContext) =>
      new Promise<string>((resolve) => {
        const s = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', secureContext });
        s.once('secureConnect', () => {
          s.destroy();
          resolve('ok');
        });
        s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
    try {
      expect(await handshake(trustContext([certs.caPem]))).toBe('ok');
      expect(await handshake(trustContext([certs.otherCaPem, certs.caPem]))).toBe('ok');
      expect(await handshake(trustContext([]))).not.toBe('ok');
      expect(await handshake(trustContext([certs.otherCaPem]))).not.toBe('ok');
    } finally {
      server.close();
    }
  });

  it('are cheap to build: the roots are not parsed again for each trust set', () => {
    trustContext([certs.caPem, '# warm']);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) trustContext([certs.caPem, `# cheap ${i}`]);
    // Parsing the ~140 root PEMs took ~30 ms per context; generous for a busy machine.
    expect((performance.now() - t0) / 10).toBeLessThan(10);
  });
});
