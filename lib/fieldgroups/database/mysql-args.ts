import { isObject, str } from '../../config/values';
import type { MysqlTls } from '../../probes/mysql';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import { clientPair, commonArgFindings, rootCertFile } from './tls-files';

/**
 * `DB_CONNECTION_ARGS` for MySQL/MariaDB. Quay passes them to PyMySQL's `connect()` as keyword
 * arguments; its `ssl` dict (`ca`, `cert`, `key`, `check_hostname`) builds an SSLContext that
 * trusts only `ssl.ca` and checks the host name unless told not to.
 */

/** PyMySQL 1.1 `Connection()` keywords, plus the peewee and Quay ones. */
const KNOWN_ARGS = new Set([
  'ssl',
  'ssl_ca',
  'ssl_cert',
  'ssl_key',
  'ssl_key_password',
  'ssl_disabled',
  'ssl_verify_cert',
  'ssl_verify_identity',
  'charset',
  'collation',
  'sql_mode',
  'read_default_file',
  'read_default_group',
  'conv',
  'use_unicode',
  'client_flag',
  'cursorclass',
  'init_command',
  'connect_timeout',
  'read_timeout',
  'write_timeout',
  'compress',
  'named_pipe',
  'autocommit',
  'local_infile',
  'max_allowed_packet',
  'defer_connect',
  'auth_plugin_map',
  'bind_address',
  'binary_prefix',
  'program_name',
  'server_public_key',
  'unix_socket',
  'autorollback',
  'autoconnect',
  'thread_safe',
  'field_types',
  'operations',
  'threadlocals',
  'stale_timeout',
  'max_connections',
  'timeout',
]);

const SSL_KEYS = new Set(['ca', 'capath', 'cert', 'key', 'password', 'cipher', 'check_hostname', 'verify_mode']);

export interface MysqlArgsResult {
  findings: Finding[];
  /** TLS for the probe: undefined = plain text; `unusable` when a named file cannot be used. */
  tls: MysqlTls | undefined | 'unusable';
}

/** Checks the MySQL connection arguments and works out the TLS the probe must use. */
export function checkMysqlArgs(args: Record<string, unknown> | undefined, files: BundleFiles): MysqlArgsResult {
  const a = args ?? {};
  const findings = commonArgFindings(a, KNOWN_ARGS, ['sslmode', 'sslrootcert'], 'MySQL (PyMySQL)', 'PyMySQL fails with "unexpected keyword argument"');
  for (const key of ['sslmode', 'sslrootcert'] as const) {
    if (a[key] !== undefined) {
      findings.push(
        error(`DB_CONNECTION_ARGS.${key}`, `DB_CONNECTION_ARGS.${key} is a PostgreSQL setting; PyMySQL rejects it`, {
          code: 'db-connection-arg-wrong-db',
          hint: 'for MySQL use ssl: {ca: /conf/stack/database.pem}',
        }),
      );
    }
  }
  // Top-level ssl_* keys are PyMySQL's flat spelling of the ssl dict.
  const ssl: Record<string, unknown> | undefined = isObject(a.ssl)
    ? a.ssl
    : typeof a.ssl_ca === 'string'
      ? { ca: a.ssl_ca, cert: a.ssl_cert, key: a.ssl_key, check_hostname: a.ssl_verify_identity }
      : undefined;
  // A non-mapping `ssl` is a schema type error (PyMySQL would crash on it): no probe.
  if (a.ssl !== undefined && a.ssl !== null && !isObject(a.ssl) && a.ssl !== false) return { findings, tls: 'unusable' };
  if (!ssl || a.ssl_disabled === true) return { findings, tls: undefined };

  for (const key of Object.keys(ssl)) {
    if (!SSL_KEYS.has(key) && ssl[key] !== undefined) {
      findings.push(
        warning(`DB_CONNECTION_ARGS.ssl.${key}`, `DB_CONNECTION_ARGS.ssl.${key} is not a PyMySQL ssl option`, { code: 'db-connection-arg-unknown', hint: `known: ${[...SSL_KEYS].join(', ')}` }),
      );
    }
  }
  const caPath = str(ssl, 'ca');
  const root = rootCertFile(caPath, files, 'DB_CONNECTION_ARGS.ssl.ca');
  findings.push(...root.findings);
  const client = clientPair(ssl, files, 'cert', 'key', 'DB_CONNECTION_ARGS.ssl');
  findings.push(...client.findings);
  if (root.unusable || client.unusable) return { findings, tls: 'unusable' };

  const verifyIdentity = ssl.check_hostname !== false;
  if (!root.anchors) {
    findings.push(
      warning('DB_CONNECTION_ARGS.ssl', 'DB_CONNECTION_ARGS.ssl has no ca: PyMySQL encrypts but does not verify the server certificate', {
        code: 'db-tls-unverified',
        hint: 'add ca: /conf/stack/database.pem with the CA that signed the database certificate',
      }),
    );
  } else if (!verifyIdentity) {
    findings.push(
      warning('DB_CONNECTION_ARGS.ssl.check_hostname', 'DB_CONNECTION_ARGS.ssl.check_hostname is false: any certificate from the CA is accepted, whatever host it names', {
        code: 'db-tls-hostname-unchecked',
      }),
    );
  }
  const tls: MysqlTls = { verifyIdentity };
  if (root.anchors) tls.ca = root.anchors;
  if (client.cert !== undefined && client.key !== undefined) {
    tls.cert = client.cert;
    tls.key = client.key;
  }
  return { findings, tls };
}
