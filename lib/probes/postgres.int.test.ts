import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { validateConfig } from '../validation/run';
import { DEFAULT_ENDPOINTS, type ProbeContext } from './context';
import { probePostgres } from './postgres';
import type { Finding, GroupReport } from '../report/types';

/**
 * The PostgreSQL probe against the harness' real PostgreSQL 15 (TLS on, database `quay` with
 * pg_trgm, `quay_notrgm` without), through the whole pipeline as the CLI and the API run it.
 */

const h = inject('harness');
const pg = h.services.postgres as { host: string; port: number; user: string; password: string; database: string; databaseNoTrgm: string; superPassword: string };
const SECRETS = [pg.password, pg.superPassword, 'Wr0ng-Passw0rd'];
const reports: GroupReport[] = [];

const uri = (o: { user?: string; password?: string; host?: string; port?: number; db?: string } = {}) =>
  `postgresql://${o.user ?? pg.user}:${encodeURIComponent(o.password ?? pg.password)}@${o.host ?? pg.host}:${o.port ?? pg.port}/${o.db ?? pg.database}`;
const bundle = (files: Record<string, string> = {}) => new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));

async function check(config: Record<string, unknown>, files: Record<string, string> = {}, timeoutMs = 1500): Promise<GroupReport> {
  const report = await validateConfig({ config, files: bundle(files) }, { mode: 'online', groups: ['Database'], timeoutMs });
  const group = report.groups.find((g) => g.group === 'Database');
  if (!group) throw new Error('no Database group in the report');
  reports.push(group);
  return group;
}
const codes = (g: GroupReport) => g.findings.map((f) => f.code);
const errorsOf = (g: GroupReport) => g.findings.filter((f) => f.severity === 'error').map(({ code, fields, stage }) => ({ code, fields, stage }));
const only = (f: Pick<Finding, 'code' | 'stage'>) => [{ ...f, fields: ['DB_URI'] }];

/** A fake server that answers the SSLRequest with `reply` ('S' then TLS with `cert`, or 'N'). */
async function fakePostgres(reply: 'S' | 'N', cert?: { key: string; cert: string }): Promise<{ port: number; close(): void }> {
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', () => {
      socket.write(reply);
      if (reply === 'S' && cert) new tls.TLSSocket(socket, { isServer: true, ...cert }).on('error', () => {});
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  return { port: typeof addr === 'object' && addr ? addr.port : 0, close: () => server.close() };
}

describe('PostgreSQL probe', () => {
  let hanging: HangingServer;
  beforeAll(async () => {
    hanging = await startHangingServer();
  });
  afterAll(async () => {
    await hanging.close();
    // No finding of any scenario may carry a password, whatever the library said.
    const text = JSON.stringify(reports);
    for (const s of SECRETS) expect(text).not.toContain(s);
  });

  it('correct settings: no error (only the loopback warning for 127.0.0.1)', async () => {
    const g = await check({ DB_URI: uri() });
    expect(g.status).toBe('warning');
    expect(codes(g)).toEqual(['db-host-loopback']);
  });

  it('wrong password: auth stage', async () => {
    expect(errorsOf(await check({ DB_URI: uri({ password: 'Wr0ng-Passw0rd' }) }))).toEqual(only({ code: 'auth-failed', stage: 'auth' }));
  });

  it('unknown user: auth stage', async () => {
    expect(errorsOf(await check({ DB_URI: uri({ user: 'nobody' }) }))).toEqual(only({ code: 'auth-failed', stage: 'auth' }));
  });

  it('closed port: connection refused at the tcp stage', async () => {
    expect(errorsOf(await check({ DB_URI: uri({ port: await closedPort() }) }))).toEqual(only({ code: 'connection-refused', stage: 'tcp' }));
  });

  it.each([
    ['prefer (default): stuck waiting for the TLS answer', {}, 'tls'],
    ['disable: stuck waiting for authentication', { sslmode: 'disable' }, 'auth'],
  ] as const)('a server that never answers, sslmode %s', async (_name, args, stage) => {
    const before = hanging.accepted();
    const g = await check({ DB_URI: uri({ port: hanging.port }), DB_CONNECTION_ARGS: args }, {}, 500);
    expect(errorsOf(g)).toEqual(only({ code: 'timeout', stage }));
    expect(hanging.accepted()).toBeGreaterThan(before);
  });

  it("called directly (without the pipeline's redaction) its findings still carry no password", async () => {
    const ctx: ProbeContext = { signal: AbortSignal.timeout(1500), timeoutMs: 1500, files: new Map(), extraCAs: [], enter: () => {}, endpoints: DEFAULT_ENDPOINTS };
    const target = { host: pg.host, port: pg.port, user: pg.user, database: 'quay_missing', tls: { mode: 'prefer' as const }, fields: ['DB_URI'] };
    const wrong = await probePostgres({ ...target, password: 'Wr0ng-Passw0rd' }, ctx);
    const missing = await probePostgres({ ...target, password: pg.password }, ctx);
    expect([...wrong, ...missing].map((f) => f.code)).toEqual(['auth-failed', 'database-missing']);
    expect(JSON.stringify([wrong, missing])).not.toMatch(new RegExp(`Wr0ng-Passw0rd|${pg.password}`));
  });

  it('honours its abort signal: resolves with a timeout finding and closes its socket', async () => {
    const open = new Set<net.Socket>();
    const server = net.createServer((s) => {
      open.add(s);
      s.resume(); // read (and drop) everything, so the client's FIN is seen
      s.on('error', () => {});
      s.on('close', () => open.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const stages: string[] = [];
    const ctx: ProbeContext = {
      signal: AbortSignal.timeout(300),
      timeoutMs: 300,
      files: new Map(),
      extraCAs: [],
      enter: (s) => stages.push(s),
      endpoints: DEFAULT_ENDPOINTS,
    };
    const findings = await probePostgres({ host: '127.0.0.1', port, user: 'quay', password: 'pw', database: 'quay', tls: { mode: 'disable' }, fields: ['DB_URI'] }, ctx);
    expect(findings.map(({ code, stage }) => ({ code, stage }))).toEqual([{ code: 'timeout', stage: 'auth' }]);
    expect(stages).toEqual(['dns', 'tcp', 'auth']);
    await expect.poll(() => open.size).toBe(0);
    server.close();
  });

  it('pg_trgm missing in THAT database: semantic, with the exact SQL and database', async () => {
    const g = await check({ DB_URI: uri({ db: pg.databaseNoTrgm }) });
    expect(errorsOf(g)).toEqual(only({ code: 'pg-trgm-missing', stage: 'semantic' }));
    const f = g.findings.find((x) => x.code === 'pg-trgm-missing');
    expect(f?.message).toContain(pg.databaseNoTrgm);
    expect(f?.hint).toContain('CREATE EXTENSION IF NOT EXISTS pg_trgm;');
    expect(f?.hint).toContain(`database ${pg.databaseNoTrgm} as a superuser`);
  });

  it('missing database: semantic, with a CREATE DATABASE hint', async () => {
    const g = await check({ DB_URI: uri({ db: 'quay_missing' }) });
    expect(errorsOf(g)).toEqual(only({ code: 'database-missing', stage: 'semantic' }));
    expect(g.findings[0]?.hint).toContain('CREATE DATABASE quay_missing OWNER quay;');
  });

  describe('TLS', () => {
    const full = (sslrootcert?: string) => ({ sslmode: 'verify-full', ...(sslrootcert ? { sslrootcert } : {}) });

    it('verify-full with the CA in database.pem (sslrootcert) succeeds over localhost', async () => {
      const g = await check({ DB_URI: uri({ host: 'localhost' }), DB_CONNECTION_ARGS: full('/conf/stack/database.pem') }, { 'database.pem': h.certs.caPem });
      expect(codes(g)).toEqual(['db-host-loopback']);
    });

    it('verify-full with database.pem but no sslrootcert: works, with a warning that libpq needs the path', async () => {
      const g = await check({ DB_URI: uri(), DB_CONNECTION_ARGS: full() }, { 'database.pem': h.certs.caPem });
      expect(errorsOf(g)).toEqual([]);
      expect(codes(g)).toContain('db-ssl-root-cert-implicit');
    });

    it('verify-full with the CA only in extra_ca_certs/: libpq would not find it, so no probe and a precise hint', async () => {
      const g = await check({ DB_URI: uri(), DB_CONNECTION_ARGS: full() }, { 'extra_ca_certs/ca.crt': h.certs.caPem });
      expect(errorsOf(g)).toEqual([{ code: 'db-ssl-root-cert-missing', fields: ['DB_CONNECTION_ARGS.sslrootcert'], stage: 'config' }]);
      expect(g.findings[0]?.hint).toContain('/conf/stack/extra_ca_certs/ca.crt');
    });

    it('verify-full with sslrootcert pointing into extra_ca_certs/ succeeds', async () => {
      const g = await check({ DB_URI: uri(), DB_CONNECTION_ARGS: full('/conf/stack/extra_ca_certs/ca.crt') }, { 'extra_ca_certs/ca.crt': h.certs.caPem });
      expect(errorsOf(g)).toEqual([]);
    });

    it('wrong CA in database.pem: untrusted at the tls stage, even with the right CA in extra_ca_certs/ (libpq trusts sslrootcert only)', async () => {
      const g = await check({ DB_URI: uri(), DB_CONNECTION_ARGS: full('/conf/stack/database.pem') }, { 'database.pem': h.certs.otherCaPem, 'extra_ca_certs/ca.crt': h.certs.caPem });
      expect(errorsOf(g)).toEqual(only({ code: 'tls-untrusted', stage: 'tls' }));
    });

    it("sslrootcert: system trusts the extra CAs, as the Quay image's store does", async () => {
      const g = await check({ DB_URI: uri({ host: 'localhost' }), DB_CONNECTION_ARGS: full('system') }, { 'extra_ca_certs/ca.crt': h.certs.caPem });
      expect(errorsOf(g)).toEqual([]);
    });

    it('require encrypts without verifying: any CA passes', async () => {
      const g = await check({ DB_URI: uri(), DB_CONNECTION_ARGS: { sslmode: 'require' } });
      expect(errorsOf(g)).toEqual([]);
      expect(codes(g)).toContain('db-tls-unverified');
    });

    it('host name mismatch: verify-full fails at the tls stage', async () => {
      const fake = await fakePostgres('S', { key: h.certs.wrongHostKeyPem, cert: h.certs.wrongHostCertPem });
      try {
        const g = await check({ DB_URI: uri({ port: fake.port }), DB_CONNECTION_ARGS: full('database.pem') }, { 'database.pem': h.certs.caPem });
        expect(errorsOf(g)).toEqual(only({ code: 'tls-hostname-mismatch', stage: 'tls' }));
      } finally {
        fake.close();
      }
    });

    it('a server without TLS: tls stage when sslmode requires it', async () => {
      const fake = await fakePostgres('N');
      try {
        const g = await check({ DB_URI: uri({ port: fake.port }), DB_CONNECTION_ARGS: { sslmode: 'require' } });
        expect(errorsOf(g)).toEqual(only({ code: 'tls-not-supported', stage: 'tls' }));
      } finally {
        fake.close();
      }
    });
  });
});
