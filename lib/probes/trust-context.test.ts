import { rmSync } from 'node:fs';
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
});
