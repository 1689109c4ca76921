import net from 'node:net';
import type tls from 'node:tls';
import type pg from 'pg';
import { error, warning } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { abortError, resolveHost } from './net';
import { NO_PASSWORD, diagnosePostgresError, quoteIdent, type PgTargetInfo } from './postgres-diagnose';
import { postgresSslOptions, type PostgresTls } from './postgres-tls';
import { isIPv6 } from '../config/ip-address';

export type { PostgresTls, SslMode, TrustAnchors } from './postgres-tls';

/** Where and how to connect, as Quay would (DB_URI + DB_CONNECTION_ARGS, resolved against the bundle). */
export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  tls: PostgresTls;
  /** Config keys the findings are about. */
  fields: string[];
}

type PgLib = typeof pg;

/** Quay needs PostgreSQL 13 or newer (config-tool#218 warns below that). */
const MIN_SERVER_VERSION = 130000;

/**
 * Connects like Quay's psycopg2 would and diagnoses the first rung that fails: DNS, TCP, TLS
 * (libpq sslmode semantics), authentication, the database itself, then what Quay needs inside it:
 * the `pg_trgm` extension *in this database*, and a server version of at least 13.
 */
export async function probePostgres(target: PostgresTarget, ctx: ProbeContext): Promise<Finding[]> {
  const info: PgTargetInfo = {
    label: `PostgreSQL at ${isIPv6(target.host) ? `[${target.host}]` : target.host}:${target.port}`,
    user: target.user,
    database: target.database,
    fields: target.fields,
    secrets: target.password ? [target.password] : [],
  };
  const stage = { current: 'config' as Stage };
  const enter = (s: Stage) => {
    stage.current = s;
    ctx.enter(s);
  };
  // Loaded here, not at the top: an offline validation never needs pg.
  const pgLib = (await import('pg')).default;
  let client: pg.Client | undefined;
  try {
    client = await connectWithSslMode(pgLib, target, ctx, enter);
    enter('semantic');
    return await checkDatabase(client, target, info);
  } catch (e) {
    return [diagnosePostgresError(e, pgLib.DatabaseError, info, ctx, stage.current)];
  } finally {
    if (client) await closeClient(client);
  }
}

/** libpq's sslmode ladder: `prefer` falls back to plain text, `allow` to TLS, the others never. */
async function connectWithSslMode(pgLib: PgLib, t: PostgresTarget, ctx: ProbeContext, enter: (s: Stage) => void): Promise<pg.Client> {
  const secure = postgresSslOptions(t.tls, ctx);
  switch (t.tls.mode) {
    case 'disable':
      return connectOnce(pgLib, t, false, ctx, enter);
    case 'allow':
      try {
        return await connectOnce(pgLib, t, false, ctx, enter);
      } catch (e) {
        if (ctx.signal.aborted || !(e instanceof pgLib.DatabaseError) || e.code !== '28000') throw e;
        return connectOnce(pgLib, t, secure, ctx, enter);
      }
    case 'prefer':
      try {
        return await connectOnce(pgLib, t, secure, ctx, enter);
      } catch (e) {
        if (ctx.signal.aborted || !(e instanceof Error) || e.message !== 'The server does not support SSL connections') throw e;
        return connectOnce(pgLib, t, false, ctx, enter);
      }
    default:
      return connectOnce(pgLib, t, secure, ctx, enter);
  }
}

/** One connection attempt on a socket this probe owns, so an abort can always close it. */
async function connectOnce(pgLib: PgLib, t: PostgresTarget, ssl: tls.ConnectionOptions | false, ctx: ProbeContext, enter: (s: Stage) => void): Promise<pg.Client> {
  enter('dns');
  await resolveHost(t.host, ctx);
  if (ctx.signal.aborted) throw abortError(ctx);
  enter('tcp');
  const socket = new net.Socket();
  const client: pg.Client = new pgLib.Client({
    host: t.host,
    port: t.port,
    user: t.user,
    database: t.database,
    // A function, so that pg never falls back to PGPASSWORD or ~/.pgpass of the machine running us.
    password: async () => {
      if (t.password === undefined) throw Object.assign(new Error('no password supplied'), { code: NO_PASSWORD });
      return t.password;
    },
    ssl,
    stream: () => socket,
    application_name: 'quay-config-check',
  });
  client.on('error', () => {}); // late errors (after connect) must not crash the process
  socket.once('connect', () => enter(ssl ? 'tls' : 'auth'));
  client.connection.once('sslconnect', () => client.connection.stream.once('secureConnect', () => enter('auth')));
  const onAbort = () => socket.destroy(abortError(ctx));
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    rawSockets.set(client, socket);
    return client;
  } catch (e) {
    socket.destroy();
    throw e;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

interface ServerFacts {
  version_num: string;
  version: string;
  trgm: boolean;
  trgm_available: boolean;
}

async function checkDatabase(client: pg.Client, t: PostgresTarget, info: PgTargetInfo): Promise<Finding[]> {
  const res = await client.query<ServerFacts>(
    `SELECT current_setting('server_version_num') AS version_num, current_setting('server_version') AS version,
            EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS trgm_available`,
  );
  const facts = res.rows[0];
  if (!facts) return [];
  const findings: Finding[] = [];
  if (!facts.trgm) {
    const sql = 'CREATE EXTENSION IF NOT EXISTS pg_trgm;';
    findings.push(
      error(t.fields, `${info.label}: the pg_trgm extension is not installed in database ${JSON.stringify(t.database)}; Quay needs it`, {
        code: 'pg-trgm-missing',
        stage: 'semantic',
        hint: facts.trgm_available
          ? `connect to database ${t.database} as a superuser and run: ${sql} (e.g. psql -d ${quoteIdent(t.database)} -c '${sql}')`
          : `pg_trgm is not even available on the server: install the PostgreSQL contrib package, then run ${sql} in database ${t.database} as a superuser`,
      }),
    );
  }
  const versionNum = Number(facts.version_num);
  if (Number.isFinite(versionNum) && versionNum < MIN_SERVER_VERSION) {
    findings.push(
      warning(t.fields, `${info.label}: PostgreSQL ${facts.version} is older than 13, which current Quay releases require`, {
        code: 'pg-version-old',
        stage: 'semantic',
        hint: 'upgrade the database server to PostgreSQL 13 or newer',
      }),
    );
  }
  return findings;
}

/** The TCP socket under each connected client (under the TLS stream when there is one). */
const rawSockets = new WeakMap<pg.Client, net.Socket>();

/** Ends the session politely when the server still answers, and closes the socket in any case. */
async function closeClient(client: pg.Client): Promise<void> {
  await Promise.race([client.end().catch(() => {}), new Promise((r) => setTimeout(r, 200).unref())]);
  client.connection.stream.destroy();
  rawSockets.get(client)?.destroy();
}
