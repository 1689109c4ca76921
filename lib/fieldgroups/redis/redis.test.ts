import { describe, expect, it } from 'vitest';
import { testCa } from '../../certs/test-pki';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import { validateConfig } from '../../validation/run';
import { redis } from './index';
import { checkRedisInstance } from './instance';

const OK = { host: 'redis.example.com', port: 6379, password: 'secret' };
const BASE = { BUILDLOGS_REDIS: OK, USER_EVENTS_REDIS: OK };
const CA = testCa('redis-ca.example');

const files = (entries: Record<string, string> = {}): BundleFiles => new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));
const run = (config: Record<string, unknown>, bundle: Record<string, string> = {}) => redis.rules({ config, files: files(bundle), now: new Date() });
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity }) => ({ code, fields, severity }));
const e = (code: string, field: string) => ({ code, fields: [field], severity: 'error' as const });
const w = (code: string, field: string) => ({ code, fields: [field], severity: 'warning' as const });

type Row = [string, Record<string, unknown>, Array<Pick<Finding, 'code' | 'fields' | 'severity'>>, Record<string, string>?];

describe('Redis rules', () => {
  const rows: Row[] = [
    ['both required instances missing', {}, [e('required', 'BUILDLOGS_REDIS'), e('required', 'USER_EVENTS_REDIS')]],
    ['valid, PULL_METRICS_REDIS optional', BASE, []],
    ['wrong type (left to the Schema check)', { ...BASE, BUILDLOGS_REDIS: 'redis.example.com' }, []],
    ['BUILDLOGS_REDIS without host', { ...BASE, BUILDLOGS_REDIS: { port: 6379 } }, [e('required', 'BUILDLOGS_REDIS.host')]],
    // config-tool checked the BUILDLOGS host here: a missing USER_EVENTS host went unnoticed.
    ['USER_EVENTS_REDIS without host, BUILDLOGS_REDIS fine', { ...BASE, USER_EVENTS_REDIS: { port: 6379 } }, [e('required', 'USER_EVENTS_REDIS.host')]],
    ['empty host', { ...BASE, USER_EVENTS_REDIS: { host: ' ' } }, [e('required', 'USER_EVENTS_REDIS.host')]],
    ['PULL_METRICS_REDIS without host', { ...BASE, PULL_METRICS_REDIS: { password: 'x' } }, [e('required', 'PULL_METRICS_REDIS.host')]],
    ['port as a numeric string (redis-py accepts it)', { ...BASE, BUILDLOGS_REDIS: { ...OK, port: '6380' } }, []],
    ['db 2', { ...BASE, BUILDLOGS_REDIS: { ...OK, db: 2 } }, []],
    ['username without password', { ...BASE, USER_EVENTS_REDIS: { host: 'r', username: 'quay' } }, [w('redis-username-without-password', 'USER_EVENTS_REDIS.username')]],
    ['unknown key (redis-py TypeError)', { ...BASE, BUILDLOGS_REDIS: { ...OK, hostname: 'r' } }, [w('redis-unknown-key', 'BUILDLOGS_REDIS.hostname')]],
    ['socket_timeout where Quay passes it too', { ...BASE, USER_EVENTS_REDIS: { ...OK, socket_timeout: 5 } }, [e('redis-key-conflict', 'USER_EVENTS_REDIS.socket_timeout')]],
    ['socket_timeout in BUILDLOGS_REDIS is fine', { ...BASE, BUILDLOGS_REDIS: { ...OK, socket_timeout: 5 } }, []],
    ['TLS settings without ssl: true', { ...BASE, BUILDLOGS_REDIS: { ...OK, ssl_ca_certs: 'redis.pem' } }, [w('redis-ssl-settings-ignored', 'BUILDLOGS_REDIS.ssl_ca_certs')]],
    ['ssl_ca_certs in the bundle', { ...BASE, BUILDLOGS_REDIS: { ...OK, ssl: true, ssl_ca_certs: '/conf/stack/redis.pem' } }, [], { 'redis.pem': CA.certPem }],
    ['ssl_ca_certs not in the bundle', { ...BASE, BUILDLOGS_REDIS: { ...OK, ssl: true, ssl_ca_certs: '/conf/stack/redis.pem' } }, [e('ssl-file-missing', 'BUILDLOGS_REDIS.ssl_ca_certs')]],
    ['ssl_cert_reqs none', { ...BASE, BUILDLOGS_REDIS: { ...OK, ssl: true, ssl_cert_reqs: 'none' } }, [w('redis-tls-unverified', 'BUILDLOGS_REDIS.ssl_cert_reqs')]],
    ['ssl_cert_reqs unknown', { ...BASE, BUILDLOGS_REDIS: { ...OK, ssl: true, ssl_cert_reqs: 'CERT_REQUIRED' } }, [e('redis-ssl-cert-reqs-invalid', 'BUILDLOGS_REDIS.ssl_cert_reqs')]],
    [
      'client cert without key',
      { ...BASE, USER_EVENTS_REDIS: { ...OK, ssl: true, ssl_certfile: 'c.crt' } },
      [e('ssl-client-cert-incomplete', 'USER_EVENTS_REDIS.ssl_keyfile')],
      { 'c.crt': CA.certPem },
    ],
  ];
  it.each(rows)('%s', (_name, config, expected, bundle) => {
    expect(brief(run(config, bundle))).toEqual(expected);
  });

  it('is never skipped', () => {
    expect(redis.skipReason({ config: {}, files: files(), now: new Date() })).toBeNull();
  });
});

describe("Redis: wrong types and ranges are the Schema check's, reported once, and never probed", () => {
  it.each([
    ['port 0', { port: 0 }, 'schema-minimum', 'port'],
    ['port 65536', { port: 65536 }, 'schema-maximum', 'port'],
    ['port not a number', { port: 'six' }, 'schema-type', 'port'],
    ['db -1', { db: -1 }, 'schema-minimum', 'db'],
    ['db 1.5', { db: 1.5 }, 'schema-type', 'db'],
    ['ssl as the string "false" (truthy to Quay)', { ssl: 'false' }, 'schema-type', 'ssl'],
    ['password as a number', { password: 1234 }, 'schema-type', 'password'],
  ] as const)('%s', async (_name, patch, code, field) => {
    const config = { ...BASE, USER_EVENTS_REDIS: { ...OK, ...patch } };
    expect(redis.rules({ config, files: files(), now: new Date() })).toEqual([]);
    expect((redis.probes?.({ config, files: files(), now: new Date() }) ?? []).map((p) => p.name)).toEqual(['BUILDLOGS_REDIS']);
    const report = await validateConfig({ config, files: files() }, { mode: 'offline', groups: ['Redis'] });
    const group = report.groups.find((g) => g.group === 'Redis');
    expect(group?.findings.map((f) => ({ code: f.code, fields: f.fields }))).toEqual([{ code, fields: [`USER_EVENTS_REDIS.${field}`] }]);
  });
});

describe('Redis probe targets', () => {
  it("uses each instance's own host, port, db and password (config-tool used BUILDLOGS' for USER_EVENTS)", () => {
    const b = checkRedisInstance('BUILDLOGS_REDIS', { host: 'a.example', port: 7000, password: 'pa' }, true, files()).target;
    const u = checkRedisInstance('USER_EVENTS_REDIS', { host: 'b.example', port: '7001', db: 3, ssl: true }, true, files()).target;
    expect(b).toEqual({ key: 'BUILDLOGS_REDIS', host: 'a.example', port: 7000, db: 0, password: 'pa' });
    expect(u).toEqual({ key: 'USER_EVENTS_REDIS', host: 'b.example', port: 7001, db: 3, tls: { extraPems: [], verify: true, checkHostname: false } });
  });

  it('puts ssl_ca_certs on top of the system and extra CAs, and honours ssl_check_hostname', () => {
    const t = checkRedisInstance('BUILDLOGS_REDIS', { host: 'r', ssl: true, ssl_ca_certs: 'redis.pem', ssl_check_hostname: true }, true, files({ 'redis.pem': CA.certPem })).target;
    expect(t?.tls).toEqual({ extraPems: [CA.certPem.trim()], verify: true, checkHostname: true });
  });

  it.each([
    ['valid', BASE, ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS']],
    ['with PULL_METRICS_REDIS', { ...BASE, PULL_METRICS_REDIS: OK }, ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS', 'PULL_METRICS_REDIS']],
    ['an instance with an error is not probed', { ...BASE, USER_EVENTS_REDIS: { port: 1 } }, ['BUILDLOGS_REDIS']],
  ] as const)('%s', (_name, config, names) => {
    const probes = redis.probes?.({ config, files: files(), now: new Date() }) ?? [];
    expect(probes.map((p) => p.name)).toEqual(names);
    expect(probes.map((p) => p.fields)).toEqual(names.map((n) => [n]));
  });
});
