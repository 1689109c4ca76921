import type pg from 'pg';
import { error } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { firstLine, networkFinding } from './net';

/** What the PostgreSQL probe was talking to, for messages and hints. */
export interface PgTargetInfo {
  label: string;
  user: string;
  database: string;
  fields: string[];
  /** Values that must never appear in a finding (the password). */
  secrets: string[];
}

/** Thrown by the password callback when the server asks for a password that DB_URI does not have. */
export const NO_PASSWORD = 'QC_NO_PASSWORD';

/**
 * Turns a failed connection attempt into a finding that names the rung: network and TLS errors
 * through the shared diagnosis, server errors by SQLSTATE (28P01 bad password, 28000 pg_hba
 * rejection, 3D000 missing database, 42501 no CONNECT privilege, …).
 */
export function diagnosePostgresError(e: unknown, DatabaseError: typeof pg.DatabaseError, t: PgTargetInfo, ctx: ProbeContext, stage: Stage): Finding {
  const scrub = (s: string) => t.secrets.reduce((acc, secret) => (secret.length >= 3 ? acc.split(secret).join('***') : acc), s);
  const fail = (st: Stage, code: string, message: string, hint?: string) => error(t.fields, scrub(message), { code, stage: st, ...(hint ? { hint: scrub(hint) } : {}) });
  const msg = e instanceof Error ? firstLine(e.message) : String(e);
  const code = (e as { code?: unknown })?.code;

  if (ctx.signal.aborted) return networkFinding(e, t.fields, t.label, ctx, stage);
  if (code === NO_PASSWORD) {
    return fail('auth', 'password-missing', `${t.label}: the server asks for a password, but DB_URI has none`, 'add the password to DB_URI: postgresql://user:password@host/database');
  }
  if (e instanceof DatabaseError) return fromSqlState(e, t, fail, stage);
  if (msg === 'The server does not support SSL connections') {
    return fail(
      'tls',
      'tls-not-supported',
      `${t.label}: the server does not accept TLS connections, but DB_CONNECTION_ARGS.sslmode requires TLS`,
      'turn on ssl in postgresql.conf, or lower DB_CONNECTION_ARGS.sslmode',
    );
  }
  if (msg === 'There was an error establishing an SSL connection') {
    return fail('tls', 'tls-failed', `${t.label}: the server answered the TLS request with an error: is this a PostgreSQL server?`);
  }
  if (/^SASL: /.test(msg)) return fail('auth', 'auth-failed', `${t.label}: SCRAM authentication failed (${msg})`);
  if (/Connection terminated/.test(msg)) {
    return fail(
      stage,
      'connection-closed',
      `${t.label}: the server closed the connection at the ${stage} stage`,
      stage === 'tls' || stage === 'auth' ? 'is this the PostgreSQL port? a proxy or another service may be listening here' : undefined,
    );
  }
  const f = networkFinding(e, t.fields, t.label, ctx, stage);
  f.message = scrub(f.message);
  return f;
}

type Fail = (stage: Stage, code: string, message: string, hint?: string) => Finding;

function fromSqlState(e: pg.DatabaseError, t: PgTargetInfo, fail: Fail, stage: Stage): Finding {
  const server = firstLine(e.message);
  const user = JSON.stringify(t.user);
  const db = JSON.stringify(t.database);
  switch (e.code) {
    case '28P01':
      return fail('auth', 'auth-failed', `${t.label}: password authentication failed for user ${user}`, 'check the user name and password in DB_URI');
    case '28000':
      return fail(
        'auth',
        'auth-rejected',
        `${t.label}: the server rejected the connection (${server})`,
        /no encryption/.test(server)
          ? 'the server accepts this user only over TLS: set DB_CONNECTION_ARGS.sslmode (verify-full with sslrootcert)'
          : /SSL encryption|GSS/.test(server)
            ? 'pg_hba.conf has no entry for this client, user and database over this connection type'
            : 'add a pg_hba.conf entry for this client, user and database',
      );
    case '3D000':
      return fail(
        'semantic',
        'database-missing',
        `${t.label}: database ${db} does not exist (the user and password were accepted)`,
        `create it as a superuser: CREATE DATABASE ${quoteIdent(t.database)} OWNER ${quoteIdent(t.user)};`,
      );
    case '42501':
      return fail(
        'auth',
        'permission-denied',
        `${t.label}: user ${user} may not connect to database ${db} (${server})`,
        `as a superuser: GRANT CONNECT ON DATABASE ${quoteIdent(t.database)} TO ${quoteIdent(t.user)};`,
      );
    case '53300':
      return fail('semantic', 'too-many-connections', `${t.label}: the server has no free connection slots (${server})`, 'raise max_connections or check for leaked connections');
    case '57P03':
      return fail('semantic', 'server-starting', `${t.label}: the server is starting up or shutting down (${server})`);
    default:
      return fail(stage === 'semantic' ? 'semantic' : 'auth', 'server-error', `${t.label}: ${server} (SQLSTATE ${e.code ?? 'unknown'})`);
  }
}

/** A PostgreSQL identifier, quoted only when it needs to be, for copy-paste SQL in hints. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
