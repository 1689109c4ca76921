import { pemCertificates } from '../../certs/trust';
import { isObject, str } from '../../config/values';
import type { PostgresTls, SslMode } from '../../probes/postgres';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import { bundleText } from './bundle-file';
import { clientPair, commonArgFindings, rootCertFile } from './tls-files';

/**
 * `DB_CONNECTION_ARGS` for PostgreSQL. Quay passes them to psycopg2, i.e. to libpq, as keyword
 * arguments (data/database.py `_db_from_url`), so they follow libpq's rules: `sslrootcert` is the
 * only trust store (the system store is used only with `sslrootcert=system`), and `require`
 * verifies the CA when a root certificate is given. Wrong types and values outside libpq's lists
 * are reported by the Schema check; these rules only withhold the probe then.
 */

export const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** libpq connection keywords (PostgreSQL 15/16) plus the peewee and Quay ones Quay handles itself. */
const KNOWN_ARGS = new Set([
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'sslpassword',
  'sslcrl',
  'sslcrldir',
  'sslsni',
  'sslcompression',
  'sslcertmode',
  'sslnegotiation',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'requiressl',
  'connect_timeout',
  'client_encoding',
  'options',
  'application_name',
  'fallback_application_name',
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'target_session_attrs',
  'channel_binding',
  'gssencmode',
  'gsslib',
  'gssdelegation',
  'krbsrvname',
  'require_auth',
  'requirepeer',
  'load_balance_hosts',
  'hostaddr',
  'passfile',
  'service',
  'replication',
  // peewee / psycopg2 / Quay
  'autorollback',
  'autoconnect',
  'thread_safe',
  'field_types',
  'operations',
  'register_unicode',
  'encoding',
  'isolation_level',
  'server_side_cursors',
  'threadlocals',
  'stale_timeout',
  'max_connections',
  'timeout',
  'cursor_factory',
  'connection_factory',
]);

export interface PostgresArgsResult {
  findings: Finding[];
  /** How the probe must connect; undefined when the TLS settings are unusable (a finding says why). */
  tls: PostgresTls | undefined;
}

/** Checks the PostgreSQL connection arguments and works out the TLS the probe must use. */
export function checkPostgresArgs(args: Record<string, unknown> | undefined, files: BundleFiles): PostgresArgsResult {
  const a = args ?? {};
  const findings: Finding[] = commonArgFindings(a, KNOWN_ARGS, ['ssl'], 'PostgreSQL (libpq)', 'psycopg2 fails with "invalid dsn: invalid connection option"');
  if (isObject(a.ssl)) {
    findings.push(
      error('DB_CONNECTION_ARGS.ssl', 'DB_CONNECTION_ARGS.ssl is a MySQL setting; for PostgreSQL libpq rejects it', {
        code: 'db-connection-arg-wrong-db',
        hint: 'use sslmode: verify-full and sslrootcert: /conf/stack/database.pem instead',
      }),
    );
  }

  // A value outside libpq's list is a schema (enum/type) error; no probe then, and no second report.
  const rawMode = a.sslmode;
  const explicitMode = typeof rawMode === 'string' ? rawMode.trim() : undefined;
  if (rawMode !== undefined && rawMode !== null && !isSslMode(explicitMode)) return { findings, tls: undefined };
  const mode: SslMode = isSslMode(explicitMode) ? explicitMode : 'prefer';

  const client = clientPair(a, files, 'sslcert', 'sslkey', 'DB_CONNECTION_ARGS');
  findings.push(...client.findings);
  const rootPath = str(a, 'sslrootcert');
  const root = rootCertFile(rootPath, files, 'DB_CONNECTION_ARGS.sslrootcert');
  findings.push(...root.findings);

  const verifying = mode === 'verify-ca' || mode === 'verify-full';
  let anchors = root.anchors;
  if (verifying && rootPath === undefined) {
    const implicit = bundleText(files, 'database.pem');
    if (implicit !== undefined) {
      // config-tool (and this tool) use database.pem when sslrootcert is absent; libpq would look in
      // ~/.postgresql/root.crt instead, so the config should say where the CA is.
      anchors = { source: 'database.pem', pems: pemCertificates(implicit) };
      findings.push(
        warning(
          'DB_CONNECTION_ARGS.sslrootcert',
          `sslmode ${mode} without DB_CONNECTION_ARGS.sslrootcert: the check uses the bundle's database.pem, but libpq in Quay reads ~/.postgresql/root.crt unless sslrootcert names the file`,
          {
            code: 'db-ssl-root-cert-implicit',
            hint: 'add sslrootcert: /conf/stack/database.pem to DB_CONNECTION_ARGS',
          },
        ),
      );
    } else {
      const candidates = [...files.keys()].filter((n) => n.startsWith('extra_ca_certs/') || /^extra_ca_cert_/.test(n));
      findings.push(
        error('DB_CONNECTION_ARGS.sslrootcert', `sslmode ${mode} needs a root certificate, but DB_CONNECTION_ARGS.sslrootcert is not set and the bundle has no database.pem`, {
          code: 'db-ssl-root-cert-missing',
          hint: candidates.length
            ? `libpq does not read extra_ca_certs/; point sslrootcert at the CA, e.g. sslrootcert: /conf/stack/${candidates[0]}`
            : 'add the CA that signed the database certificate as database.pem and set sslrootcert: /conf/stack/database.pem',
        }),
      );
      return { findings, tls: undefined };
    }
  }
  if (root.unusable || client.unusable) return { findings, tls: undefined };

  // libpq: "if a root CA file exists, sslmode=require behaves like verify-ca".
  const effective: SslMode = mode === 'require' && anchors ? 'verify-ca' : mode;
  if (explicitMode === 'disable') {
    findings.push(warning('DB_CONNECTION_ARGS.sslmode', 'DB_CONNECTION_ARGS.sslmode is disable: the connection to the database is not encrypted', { code: 'db-tls-disabled' }));
  } else if (explicitMode !== undefined && effective !== 'verify-ca' && effective !== 'verify-full') {
    findings.push(
      warning('DB_CONNECTION_ARGS.sslmode', `DB_CONNECTION_ARGS.sslmode is ${explicitMode}: the database's certificate is not verified`, {
        code: 'db-tls-unverified',
        hint: 'use sslmode: verify-full with sslrootcert: /conf/stack/database.pem',
      }),
    );
  }
  const tls: PostgresTls = { mode: effective };
  if (anchors !== undefined) tls.ca = anchors;
  if (client.cert !== undefined && client.key !== undefined) {
    tls.cert = client.cert;
    tls.key = client.key;
  }
  return { findings, tls };
}

function isSslMode(v: string | undefined): v is SslMode {
  return v !== undefined && (SSL_MODES as readonly string[]).includes(v);
}
