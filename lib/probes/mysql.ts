import net from 'node:net';
import type mysql from 'mysql2/promise';
import { error } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { abortError, connect, firstLine, networkFinding } from './net';
import { anchorPems, type TrustAnchors } from './postgres-tls';
import { isIPv6 } from '../config/ip-address';

/**
 * TLS of a MySQL connection with PyMySQL's semantics (what Quay uses): with `ssl.ca` the server
 * certificate is verified against that CA only, and the host name too unless
 * `ssl.check_hostname: false`; without a CA PyMySQL encrypts but verifies nothing.
 */
export interface MysqlTls {
  ca?: TrustAnchors;
  verifyIdentity: boolean;
  cert?: string;
  key?: string;
}

export interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  /** Undefined: plain text (PyMySQL without `ssl`). */
  tls?: MysqlTls;
  fields: string[];
}

/**
 * Connects like Quay's PyMySQL would (real CA verification, unlike config-tool's
 * InsecureSkipVerify) and reports the rung that failed: DNS, TCP, TLS, credentials
 * (ER_ACCESS_DENIED_ERROR), the database (ER_BAD_DB_ERROR / ER_DBACCESS_DENIED_ERROR).
 */
export async function probeMysql(t: MysqlTarget, ctx: ProbeContext): Promise<Finding[]> {
  const label = `MySQL at ${isIPv6(t.host) ? `[${t.host}]` : t.host}:${t.port}`;
  let stage: Stage = 'config';
  const enter = (s: Stage) => {
    stage = s;
    ctx.enter(s);
  };
  // Loaded here, before any socket is open, not at the top: an offline validation never needs mysql2.
  const mysqlLib = (await import('mysql2/promise')).default;
  let socket: net.Socket | undefined;
  let conn: mysql.Connection | undefined;
  const onAbort = () => socket?.destroy(abortError(ctx));
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    socket = await connect(t.host, t.port, { ...ctx, enter });
    enter(t.tls ? 'tls' : 'auth');
    conn = await mysqlLib.createConnection({
      stream: socket,
      host: t.host,
      port: t.port,
      user: t.user,
      password: t.password ?? '',
      database: t.database,
      charset: 'utf8mb4', // Quay's _EXTRA_ARGS for mysql
      connectTimeout: ctx.timeoutMs + 1000, // our own deadline (the abort) comes first
      ...(t.tls ? { ssl: sslOptions(t.tls, ctx) } : {}),
    });
    conn.on('error', () => {});
    enter('semantic');
    await conn.query('SELECT 1');
    return [];
  } catch (e) {
    const f = diagnose(e, t, label, ctx, stage);
    if (t.password && t.password.length >= 3) f.message = f.message.split(t.password).join('***');
    return [f];
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    if (conn) await Promise.race([conn.end().catch(() => {}), new Promise((r) => setTimeout(r, 200).unref())]);
    socket?.destroy();
  }
}

function sslOptions(t: MysqlTls, ctx: ProbeContext) {
  const ca = anchorPems(t.ca, ctx);
  return {
    ...(ca ? { ca } : {}),
    ...(t.cert !== undefined && t.key !== undefined ? { cert: t.cert, key: t.key } : {}),
    rejectUnauthorized: ca !== undefined,
    verifyIdentity: ca !== undefined && t.verifyIdentity,
  };
}

function diagnose(e: unknown, t: MysqlTarget, label: string, ctx: ProbeContext, stage: Stage): Finding {
  const scrub = (s: string) => (t.password && t.password.length >= 3 ? s.split(t.password).join('***') : s);
  const fail = (st: Stage, code: string, message: string, hint?: string) => error(t.fields, scrub(message), { code, stage: st, ...(hint ? { hint } : {}) });
  const err = e as { code?: unknown; sqlMessage?: unknown; message?: unknown };
  const server = scrub(firstLine(typeof err.sqlMessage === 'string' ? err.sqlMessage : String(err.message ?? e)));
  if (ctx.signal.aborted) return networkFinding(e, t.fields, label, ctx, stage);
  switch (err.code) {
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return fail('auth', 'auth-failed', `${label}: ${server}`, 'check the user name and password in DB_URI, and the host part of the MySQL account');
    case 'ER_BAD_DB_ERROR':
      return fail(
        'semantic',
        'database-missing',
        `${label}: database ${JSON.stringify(t.database)} does not exist (the user and password were accepted)`,
        `create it: CREATE DATABASE \`${t.database}\` CHARACTER SET utf8mb4; GRANT ALL PRIVILEGES ON \`${t.database}\`.* TO '${t.user}'@'%';`,
      );
    case 'ER_DBACCESS_DENIED_ERROR':
      return fail(
        'semantic',
        'database-access-denied',
        `${label}: user ${JSON.stringify(t.user)} may not use database ${JSON.stringify(t.database)}, or it does not exist`,
        `as an administrator: CREATE DATABASE IF NOT EXISTS \`${t.database}\` CHARACTER SET utf8mb4; GRANT ALL PRIVILEGES ON \`${t.database}\`.* TO '${t.user}'@'%';`,
      );
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return fail(
        'tls',
        'tls-not-supported',
        `${label}: the server does not support TLS, but DB_CONNECTION_ARGS.ssl asks for it`,
        'configure ssl_cert/ssl_key on the server, or remove DB_CONNECTION_ARGS.ssl',
      );
    case 'ER_SECURE_TRANSPORT_REQUIRED':
      return fail('auth', 'tls-required', `${label}: the server accepts only TLS connections`, 'set DB_CONNECTION_ARGS.ssl.ca to the CA that signed the server certificate');
    case 'ER_CON_COUNT_ERROR':
    case 'ER_TOO_MANY_USER_CONNECTIONS':
      return fail('semantic', 'too-many-connections', `${label}: ${server}`);
    case 'HANDSHAKE_SSL_ERROR':
      // mysql2 overwrites Node's TLS error code; recover it from the message for the shared diagnosis.
      return networkFinding({ code: tlsCodeFromMessage(server), message: server }, t.fields, label, ctx, 'tls');
    case 'PROTOCOL_CONNECTION_LOST':
      return fail(stage, 'connection-closed', `${label}: the server closed the connection at the ${stage} stage`, 'is this the MySQL port?');
    default:
      if (typeof err.code === 'string' && err.code.startsWith('ER_')) return fail(stage === 'semantic' ? 'semantic' : 'auth', 'server-error', `${label}: ${server} (${err.code})`);
      return networkFinding(e, t.fields, label, ctx, stage);
  }
}

const TLS_MESSAGES: Array<[RegExp, string]> = [
  [/self[- ]signed certificate in certificate chain/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/^self[- ]signed certificate$/i, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/unable to verify the first certificate/i, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  [/unable to get local issuer certificate/i, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  [/does not match certificate's altnames/i, 'ERR_TLS_CERT_ALTNAME_INVALID'],
  [/certificate has expired/i, 'CERT_HAS_EXPIRED'],
  [/certificate is not yet valid/i, 'CERT_NOT_YET_VALID'],
];

function tlsCodeFromMessage(message: string): string {
  return TLS_MESSAGES.find(([re]) => re.test(message))?.[1] ?? 'ERR_SSL_HANDSHAKE_FAILED';
}
