import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { validateConfig } from '../validation/run';
import type { GroupReport } from '../report/types';

/**
 * The Redis probe against the harness' real Redis 7 (password, plain + TLS port) and a TLS-only,
 * password-less instance whose certificate names `wrong.example`. Every scenario is applied to all
 * three keys at once: each must be diagnosed with its own settings.
 */

const h = inject('harness');
const rs = h.services.redis as { host: string; port: number; tlsPort: number; wrongHostTlsPort: number; password: string };
const KEYS = ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS', 'PULL_METRICS_REDIS'] as const;
const WRONG = 'Wr0ng-Redis-Pass';
const reports: GroupReport[] = [];
const PLAIN = { host: rs.host, port: rs.port, password: rs.password };
const TLS = { host: rs.host, port: rs.tlsPort, password: rs.password, ssl: true };
const CA_BUNDLE = { 'extra_ca_certs/ca.crt': h.certs.caPem };

async function check(instance: (key: string) => Record<string, unknown>, files: Record<string, string> = {}, timeoutMs = 1500): Promise<GroupReport> {
  const config = Object.fromEntries(KEYS.map((k) => [k, instance(k)]));
  const bundle = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const report = await validateConfig({ config, files: bundle }, { mode: 'online', groups: ['Redis'], timeoutMs });
  const group = report.groups.find((g) => g.group === 'Redis');
  if (!group) throw new Error('no Redis group in the report');
  reports.push(group);
  return group;
}
const brief = (g: GroupReport) => g.findings.map(({ code, fields, stage, severity }) => ({ code, fields, stage, severity }));
const each = (code: string, stage: string, severity = 'error', field?: string) => KEYS.map((k) => ({ code, fields: [field ? `${k}.${field}` : k], stage, severity }));
/** Auth findings name the password first, then the instance. */
const eachAuth = (code: string) => KEYS.map((k) => ({ code, fields: [`${k}.password`, k], stage: 'auth', severity: 'error' }));

describe('Redis probe, for each of BUILDLOGS_REDIS, USER_EVENTS_REDIS, PULL_METRICS_REDIS', () => {
  let hanging: HangingServer;
  beforeAll(async () => {
    hanging = await startHangingServer();
  });
  afterAll(async () => {
    await hanging.close();
    const text = JSON.stringify(reports);
    for (const s of [rs.password, WRONG]) expect(text).not.toContain(s);
  });

  it('correct settings, plain text: group ok', async () => {
    const g = await check(() => PLAIN);
    expect(g.status).toBe('ok');
    expect(g.findings).toEqual([]);
  });

  it('correct settings over TLS, CA from extra_ca_certs/: group ok', async () => {
    expect((await check(() => TLS, CA_BUNDLE)).status).toBe('ok');
  });

  it('correct settings over TLS, CA from ssl_ca_certs: group ok', async () => {
    expect((await check(() => ({ ...TLS, ssl_ca_certs: '/conf/stack/redis-ca.pem' }), { 'redis-ca.pem': h.certs.caPem })).status).toBe('ok');
  });

  it('each instance is checked with its own settings (config-tool used the BUILDLOGS host and port)', async () => {
    const port = await closedPort();
    const g = await check((k) => (k === 'USER_EVENTS_REDIS' ? { ...PLAIN, port } : PLAIN));
    expect(brief(g)).toEqual([{ code: 'connection-refused', fields: ['USER_EVENTS_REDIS'], stage: 'tcp', severity: 'error' }]);
  });

  it('wrong password: auth stage', async () => {
    expect(brief(await check(() => ({ ...PLAIN, password: WRONG })))).toEqual(eachAuth('auth-failed'));
  });

  it('no password for a server that requires one: auth stage', async () => {
    expect(brief(await check(() => ({ host: rs.host, port: rs.port })))).toEqual(eachAuth('auth-required'));
  });

  it('a password for a server that has none: auth stage (redis-py 3.5 fails on that reply)', async () => {
    const g = await check(() => ({ ...TLS, port: rs.wrongHostTlsPort }), CA_BUNDLE);
    expect(brief(g).filter((f) => f.severity === 'error')).toEqual(each('password-not-expected', 'auth', 'error', 'password'));
  });

  it('wrong CA (not in the bundle): untrusted at the tls stage', async () => {
    expect(brief(await check(() => TLS))).toEqual(each('tls-untrusted', 'tls'));
    expect(brief(await check(() => ({ ...TLS, ssl_ca_certs: 'redis-ca.pem' }), { 'redis-ca.pem': h.certs.otherCaPem }))).toEqual(each('tls-untrusted', 'tls'));
  });

  it('certificate for another host: a warning by default (redis-py does not check names), an error with ssl_check_hostname', async () => {
    const wrongHost = { host: rs.host, port: rs.wrongHostTlsPort, ssl: true };
    expect(brief(await check(() => wrongHost, CA_BUNDLE))).toEqual(each('tls-hostname-mismatch', 'tls', 'warning'));
    expect(brief(await check(() => ({ ...wrongHost, ssl_check_hostname: true }), CA_BUNDLE))).toEqual(each('tls-hostname-mismatch', 'tls'));
  });

  it('plain text to the TLS port: "the server expects TLS"', async () => {
    const g = await check(() => ({ ...PLAIN, port: rs.tlsPort }));
    expect(brief(g)).toEqual(each('tls-required', 'tls'));
    expect(g.findings[0]?.hint).toBe('set BUILDLOGS_REDIS.ssl: true');
  });

  it('TLS to the plain port: tls stage, told at once instead of a timeout', async () => {
    expect(brief(await check(() => ({ ...TLS, port: rs.port }), CA_BUNDLE))).toEqual(each('tls-not-supported', 'tls'));
  });

  it('closed port: connection refused at the tcp stage', async () => {
    const port = await closedPort();
    expect(brief(await check(() => ({ ...PLAIN, port })))).toEqual(each('connection-refused', 'tcp'));
  });

  it('a server that never answers: timeout at the auth stage (plain) and the tls stage (TLS)', async () => {
    const before = hanging.accepted();
    expect(brief(await check(() => ({ ...PLAIN, port: hanging.port }), {}, 500))).toEqual(each('timeout', 'auth'));
    expect(brief(await check(() => ({ ...TLS, port: hanging.port }), CA_BUNDLE, 500))).toEqual(each('timeout', 'tls'));
    expect(hanging.accepted()).toBeGreaterThanOrEqual(before + 6);
  });

  it('db is selected: an existing index works, one out of range is a semantic error on .db', async () => {
    expect((await check(() => ({ ...PLAIN, db: 5 }))).status).toBe('ok');
    expect(brief(await check(() => ({ ...PLAIN, db: 99 })))).toEqual(each('redis-db-invalid', 'semantic', 'error', 'db'));
  });
});
