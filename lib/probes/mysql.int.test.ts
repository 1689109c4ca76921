import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { validateConfig } from '../validation/run';
import type { Finding, GroupReport } from '../report/types';

/** The MySQL probe against the harness' real MariaDB 10.11 (TLS with the harness certificate). */

const h = inject('harness');
const my = h.services.mariadb as { host: string; port: number; user: string; password: string; database: string };
const WRONG = 'Wr0ng-Passw0rd';
const reports: GroupReport[] = [];

const uri = (o: { password?: string; host?: string; port?: number; db?: string } = {}) =>
  `mysql+pymysql://${my.user}:${encodeURIComponent(o.password ?? my.password)}@${o.host ?? my.host}:${o.port ?? my.port}/${o.db ?? my.database}`;

async function check(config: Record<string, unknown>, files: Record<string, string> = {}, timeoutMs = 1500): Promise<GroupReport> {
  const bundle = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const report = await validateConfig({ config, files: bundle }, { mode: 'online', groups: ['Database'], timeoutMs });
  const group = report.groups.find((g) => g.group === 'Database');
  if (!group) throw new Error('no Database group in the report');
  reports.push(group);
  return group;
}
const errorsOf = (g: GroupReport) => g.findings.filter((f) => f.severity === 'error').map(({ code, fields, stage }) => ({ code, fields, stage }));
const only = (f: Pick<Finding, 'code' | 'stage'>) => [{ ...f, fields: ['DB_URI'] }];
const EXPECTED_WARNINGS = ['db-mysql-deprecated', 'db-host-loopback'];

describe('MySQL probe', () => {
  let hanging: HangingServer;
  beforeAll(async () => {
    hanging = await startHangingServer();
  });
  afterAll(async () => {
    await hanging.close();
    const text = JSON.stringify(reports);
    for (const s of [my.password, WRONG]) expect(text).not.toContain(s);
  });

  it('correct settings, plain text: no error (deprecation and loopback warnings only)', async () => {
    const g = await check({ DB_URI: uri() });
    expect(g.findings.map((f) => f.code)).toEqual(EXPECTED_WARNINGS);
  });

  it('correct settings over TLS with ssl.ca = database.pem, host name checked', async () => {
    const g = await check({ DB_URI: uri({ host: 'localhost' }), DB_CONNECTION_ARGS: { ssl: { ca: '/conf/stack/database.pem' } } }, { 'database.pem': h.certs.caPem });
    expect(g.findings.map((f) => f.code)).toEqual(EXPECTED_WARNINGS);
  });

  it('wrong password: ER_ACCESS_DENIED_ERROR at the auth stage', async () => {
    expect(errorsOf(await check({ DB_URI: uri({ password: WRONG }) }))).toEqual(only({ code: 'auth-failed', stage: 'auth' }));
  });

  it('wrong CA in ssl.ca: real verification (config-tool skipped it), tls stage', async () => {
    const g = await check({ DB_URI: uri(), DB_CONNECTION_ARGS: { ssl: { ca: 'database.pem' } } }, { 'database.pem': h.certs.otherCaPem });
    expect(errorsOf(g)).toEqual(only({ code: 'tls-untrusted', stage: 'tls' }));
  });

  it('closed port: connection refused at the tcp stage', async () => {
    expect(errorsOf(await check({ DB_URI: uri({ port: await closedPort() }) }))).toEqual(only({ code: 'connection-refused', stage: 'tcp' }));
  });

  it('a server that never answers: timeout after the tcp stage', async () => {
    const before = hanging.accepted();
    const g = await check({ DB_URI: uri({ port: hanging.port }) }, {}, 500);
    expect(errorsOf(g)).toEqual(only({ code: 'timeout', stage: 'auth' }));
    expect(hanging.accepted()).toBeGreaterThan(before);
  });

  it('missing database the user may create: ER_BAD_DB_ERROR, semantic', async () => {
    const g = await check({ DB_URI: uri({ db: 'quay_missing' }) });
    expect(errorsOf(g)).toEqual(only({ code: 'database-missing', stage: 'semantic' }));
    expect(g.findings[0]?.hint).toContain('CREATE DATABASE `quay_missing`');
  });

  it('database the user has no rights on: ER_DBACCESS_DENIED_ERROR, semantic', async () => {
    expect(errorsOf(await check({ DB_URI: uri({ db: 'other' }) }))).toEqual(only({ code: 'database-access-denied', stage: 'semantic' }));
  });
});
