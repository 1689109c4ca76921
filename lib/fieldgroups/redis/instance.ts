import { isObject, nonEmpty } from '../../config/values';
import type { RedisTarget, RedisTls } from '../../probes/redis';
import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { clientPair, rootCertFile } from '../database/tls-files';
import type { BundleFiles } from '../../bundle/types';

/**
 * One Redis instance of the config, checked with ITS OWN settings (config-tool checked
 * USER_EVENTS_REDIS with the BUILDLOGS host and port). Quay passes the whole mapping to
 * `redis.StrictRedis(**config)` (redis-py 3.5, data/buildlogs.py, data/userevent.py), so every key
 * must be a keyword that client knows.
 */

/** `redis.StrictRedis.__init__` keywords in redis-py 3.5.3, the version Quay pins. */
const REDIS_PY_KEYWORDS = new Set([
  'host',
  'port',
  'db',
  'password',
  'username',
  'socket_timeout',
  'socket_connect_timeout',
  'socket_keepalive',
  'socket_keepalive_options',
  'connection_pool',
  'unix_socket_path',
  'encoding',
  'encoding_errors',
  'charset',
  'errors',
  'decode_responses',
  'retry_on_timeout',
  'ssl',
  'ssl_keyfile',
  'ssl_certfile',
  'ssl_cert_reqs',
  'ssl_ca_certs',
  'ssl_check_hostname',
  'max_connections',
  'single_connection_client',
  'health_check_interval',
  'client_name',
]);

/** Keywords Quay already passes for these instances: repeating them is "got multiple values" (TypeError). */
const PASSED_BY_QUAY: Record<string, readonly string[]> = {
  USER_EVENTS_REDIS: ['socket_connect_timeout', 'socket_timeout'],
  PULL_METRICS_REDIS: ['socket_connect_timeout', 'socket_timeout'],
};

const SSL_ONLY_KEYS = ['ssl_ca_certs', 'ssl_certfile', 'ssl_keyfile', 'ssl_cert_reqs', 'ssl_check_hostname'];

export interface InstanceResult {
  findings: Finding[];
  /** What the probe should connect to; undefined when an error makes a connection pointless. */
  target?: RedisTarget;
}

/** Checks one `*_REDIS` mapping. A non-mapping value is a type error the Schema check reports. */
export function checkRedisInstance(key: string, value: unknown, isRequired: boolean, files: BundleFiles): InstanceResult {
  if (value === undefined || value === null) return { findings: isRequired ? [required(key)] : [] };
  if (!isObject(value)) return { findings: [] };
  const findings: Finding[] = [];
  const at = (k: string) => `${key}.${k}`;

  const host = nonEmpty(value, 'host');
  if (value.host === undefined || value.host === null || (typeof value.host === 'string' && host === undefined)) findings.push(required(at('host')));

  // Types and ranges (port 1–65535, db ≥ 0, ssl boolean, password/username strings) are the
  // Schema check's findings; a value it rejects only withholds the probe here.
  const port = integerIn(value, 'port', 1, 65535);
  const db = integerIn(value, 'db', 0, Number.MAX_SAFE_INTEGER);
  const ssl = value.ssl;
  const wellTyped =
    port !== null &&
    db !== null &&
    (ssl === undefined || ssl === null || typeof ssl === 'boolean') &&
    (['password', 'username'] as const).every((k) => value[k] === undefined || value[k] === null || typeof value[k] === 'string');
  if (nonEmpty(value, 'username') !== undefined && nonEmpty(value, 'password') === undefined) {
    findings.push(warning(at('username'), `${at('username')} is set without ${at('password')}: redis-py then authenticates with an empty password`, { code: 'redis-username-without-password' }));
  }
  findings.push(...keywordFindings(key, value));

  const tlsResult = ssl === true ? tlsSettings(key, value, files) : { findings: sslIgnored(key, value), tls: undefined, unusable: false };
  findings.push(...tlsResult.findings);
  if (findings.some((f) => f.severity === 'error') || host === undefined || !wellTyped || tlsResult.unusable) return { findings };

  const target: RedisTarget = { key, host, port: port ?? 6379, db: db ?? 0 };
  const password = typeof value.password === 'string' ? value.password : undefined;
  const username = nonEmpty(value, 'username');
  if (password !== undefined) target.password = password;
  if (username !== undefined) target.username = username;
  if (tlsResult.tls) target.tls = tlsResult.tls;
  return { findings, target };
}

/** An integer (or numeric string, as redis-py accepts) within bounds; undefined when absent, null when invalid. */
function integerIn(o: Record<string, unknown>, k: string, min: number, max: number): number | undefined | null {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function keywordFindings(key: string, value: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const k of Object.keys(value)) {
    if (PASSED_BY_QUAY[key]?.includes(k)) {
      out.push(
        error(`${key}.${k}`, `${key}.${k} cannot be set: Quay already passes ${k} to the Redis client, which then fails with "got multiple values for keyword argument"`, {
          code: 'redis-key-conflict',
          hint: `remove ${key}.${k}`,
        }),
      );
    } else if (!REDIS_PY_KEYWORDS.has(k)) {
      out.push(
        warning(`${key}.${k}`, `${key}.${k} is not a Redis client option: Quay passes every key to redis-py, which rejects unknown ones ("unexpected keyword argument")`, {
          code: 'redis-unknown-key',
          hint: 'the usual keys are host, port, password, ssl, db, username',
        }),
      );
    }
  }
  return out;
}

function sslIgnored(key: string, value: Record<string, unknown>): Finding[] {
  const set = SSL_ONLY_KEYS.filter((k) => value[k] !== undefined && value[k] !== null);
  return set.length
    ? [
        warning(`${key}.${set[0] ?? ''}`, `${set.map((k) => `${key}.${k}`).join(', ')} ${set.length > 1 ? 'are' : 'is'} ignored because ${key}.ssl is not true`, {
          code: 'redis-ssl-settings-ignored',
          hint: `set ${key}.ssl: true to use TLS`,
        }),
      ]
    : [];
}

function tlsSettings(key: string, value: Record<string, unknown>, files: BundleFiles): { findings: Finding[]; tls?: RedisTls; unusable: boolean } {
  const findings: Finding[] = [];
  const caPath = typeof value.ssl_ca_certs === 'string' ? value.ssl_ca_certs : undefined;
  const root = rootCertFile(caPath, files, `${key}.ssl_ca_certs`);
  findings.push(...root.findings);
  const client = clientPair(value, files, 'ssl_certfile', 'ssl_keyfile', key);
  findings.push(...client.findings);
  const reqs = value.ssl_cert_reqs;
  // redis-py: None means CERT_NONE; strings must be one of its three names (anything else raises).
  const verify = !(reqs === 'none' || reqs === null);
  if (reqs !== undefined && reqs !== null && !['none', 'optional', 'required'].includes(String(reqs))) {
    findings.push(error(`${key}.ssl_cert_reqs`, `${key}.ssl_cert_reqs must be one of none, optional, required`, { code: 'redis-ssl-cert-reqs-invalid' }));
  }
  if (!verify) {
    findings.push(warning(`${key}.ssl_cert_reqs`, `${key}.ssl_cert_reqs turns off verification of the Redis server certificate`, { code: 'redis-tls-unverified' }));
  }
  const checkHostname = value.ssl_check_hostname === true;
  const tls: RedisTls = { extraPems: root.anchors && root.anchors !== 'system' ? root.anchors.pems : [], verify, checkHostname };
  if (client.cert !== undefined && client.key !== undefined) {
    tls.cert = client.cert;
    tls.key = client.key;
  }
  return { findings, tls, unusable: root.unusable || client.unusable };
}
