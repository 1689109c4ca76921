import net from 'node:net';
import tls from 'node:tls';
import { error, warning } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { abortError, connect, firstLine, networkFinding, tlsClientOptions } from './net';
import { loadIoRedis, redisOverSocket } from './redis-client';
import { sniffPlainRedis } from './redis-sniff';
import { isIPv6 } from '../config/ip-address';

/**
 * TLS as Quay's redis-py 3.5 does it with `ssl: true`: the system store (which holds
 * `extra_ca_certs/*` in the Quay image) plus `ssl_ca_certs`, certificate required unless
 * `ssl_cert_reqs: none`, and the host name checked only with `ssl_check_hostname: true`.
 */
export interface RedisTls {
  /** PEMs of `ssl_ca_certs`, on top of system roots and extra CAs. */
  extraPems: string[];
  verify: boolean;
  checkHostname: boolean;
  cert?: string;
  key?: string;
}

/** One Redis instance of the config (`BUILDLOGS_REDIS`, …), with its own settings. */
export interface RedisTarget {
  key: string;
  host: string;
  port: number;
  password?: string;
  username?: string;
  db: number;
  tls?: RedisTls;
}

/**
 * AUTH + SELECT + PING against one Redis instance, diagnosing the rung that fails: unreachable,
 * TLS (untrusted, wrong name, TLS spoken to a plain port or the reverse), wrong or missing
 * password, a password the server does not expect, a `db` index out of range.
 */
export async function probeRedis(t: RedisTarget, ctx: ProbeContext): Promise<Finding[]> {
  const label = `Redis at ${isIPv6(t.host) ? `[${t.host}]` : t.host}:${t.port} (${t.key})`;
  let stage: Stage = 'config';
  const trackedCtx: ProbeContext = {
    ...ctx,
    enter: (s) => {
      stage = s;
      ctx.enter(s);
    },
  };
  const findings: Finding[] = [];
  // Before any socket is open: no await may come between opening one and handing it to ioredis.
  const ioredis = await loadIoRedis();
  let mismatch: Error | undefined;
  const tlsOptions = t.tls ? redisTlsOptions(t.tls, t.host, ctx, (e) => (mismatch = e)) : undefined;

  let socket: net.Socket;
  try {
    socket = await connectOrSniff(t, trackedCtx, tlsOptions);
  } catch (e) {
    if (e === PLAIN_PORT) {
      return [
        error(t.key, `${label}: ${t.key}.ssl is true, but the server speaks plain text (no TLS) on this port`, {
          code: 'tls-not-supported',
          stage: 'tls',
          hint: `use the server's TLS port (tls-port), or set ${t.key}.ssl: false`,
        }),
      ];
    }
    return [connectFailure(e, t, label, trackedCtx, stage)];
  }
  if (mismatch) {
    findings.push(
      warning(t.key, `${label}: the server certificate does not name ${t.host} (${firstLine(mismatch.message)}); Quay accepts it only because redis-py does not check host names by default`, {
        code: 'tls-hostname-mismatch',
        stage: 'tls',
        hint: `reissue the certificate for ${t.host}, then set ${t.key}.ssl_check_hostname: true`,
      }),
    );
  }
  trackedCtx.enter('auth');
  const { client, lastError } = redisOverSocket(ioredis, socket);
  const onAbort = () => {
    socket.destroy(abortError(ctx));
    client.disconnect();
  };
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    if (t.password !== undefined && t.password !== '') {
      await (t.username ? client.auth(t.username, t.password) : client.auth(t.password));
    }
    if (t.db !== 0) await client.select(t.db);
    trackedCtx.enter('semantic');
    await client.ping();
    return findings;
  } catch (e) {
    // A generic "Connection is closed." hides the reason, which ioredis emitted as an 'error' event.
    const generic = e instanceof Error && /Connection is closed/.test(e.message);
    const err = !ctx.signal.aborted && generic ? (lastError() ?? e) : e;
    return [...findings, await commandFailure(err, e, t, label, trackedCtx, stage)];
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    client.disconnect();
    socket.destroy();
  }
}

const PLAIN_PORT = Symbol('plain-text Redis port');

/** Connects (TLS when configured); with TLS, a parallel plain-text PING tells a plain port apart from a hang. */
async function connectOrSniff(t: RedisTarget, ctx: ProbeContext, tlsOptions: tls.ConnectionOptions | undefined): Promise<net.Socket> {
  if (!tlsOptions) return connect(t.host, t.port, ctx, tlsOptions);
  const local = new AbortController();
  const onParent = () => local.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onParent, { once: true });
  let plain = false;
  const sniffer = sniffPlainRedis(t.host, t.port, local.signal).then((isPlain) => {
    plain = isPlain;
    if (isPlain) local.abort(PLAIN_PORT);
  });
  try {
    return await connect(t.host, t.port, { ...ctx, signal: local.signal }, tlsOptions);
  } catch (e) {
    if (plain && !ctx.signal.aborted) throw PLAIN_PORT;
    throw e;
  } finally {
    ctx.signal.removeEventListener('abort', onParent);
    local.abort();
    await sniffer;
  }
}

function redisTlsOptions(tlsCfg: RedisTls, host: string, ctx: ProbeContext, onMismatch: (e: Error) => void): tls.ConnectionOptions {
  const o = tlsClientOptions(ctx, { servername: host, extraPems: tlsCfg.extraPems, verify: tlsCfg.verify, cert: tlsCfg.cert, key: tlsCfg.key });
  // Check against the configured host: for an IP address Node would otherwise compare "localhost".
  o.checkServerIdentity = (_servername, cert) => {
    const e = tls.checkServerIdentity(host, cert);
    if (!e || tlsCfg.checkHostname) return e;
    onMismatch(e);
    return undefined;
  };
  return o;
}

function connectFailure(e: unknown, t: RedisTarget, label: string, ctx: ProbeContext, stage: Stage): Finding {
  const f = networkFinding(e, [t.key], label, ctx, stage);
  if (f.code === 'tls-failed' || (f.code === 'connection-reset' && f.stage === 'tls')) {
    f.message = `${label}: the TLS handshake failed: the server does not seem to speak TLS on this port`;
    f.hint = `use the server's TLS port, or set ${t.key}.ssl: false if it has none`;
    f.code = 'tls-not-supported';
    f.stage = 'tls';
  }
  return f;
}

async function commandFailure(e: unknown, raw: unknown, t: RedisTarget, label: string, ctx: ProbeContext, stage: Stage): Promise<Finding> {
  const msg = firstLine(e instanceof Error ? e.message : String(e));
  const fields = [t.key];
  if (ctx.signal.aborted) return networkFinding(raw, fields, label, ctx, stage);
  // Auth findings name the credential first (the wizard shows them at that field), then the instance.
  const credentials = t.username ? [`${t.key}.username`, `${t.key}.password`, t.key] : [`${t.key}.password`, t.key];
  if (/^WRONGPASS|invalid password|invalid username-password/i.test(msg)) {
    return error(credentials, `${label}: the server rejected the ${t.username ? 'user name or password' : 'password'} (WRONGPASS)`, {
      code: 'auth-failed',
      stage: 'auth',
      hint: `check ${t.key}.password${t.username ? ` and ${t.key}.username` : ''}`,
    });
  }
  if (/^NOAUTH/.test(msg)) {
    return error([`${t.key}.password`, t.key], `${label}: the server requires a password, but ${t.key}.password is not set`, { code: 'auth-required', stage: 'auth', hint: `set ${t.key}.password` });
  }
  if (/without any password configured|no password is set/i.test(msg)) {
    return error([`${t.key}.password`], `${label}: ${t.key}.password is set but the server has no password; Quay's redis client (redis-py 3.5) fails on that AUTH reply`, {
      code: 'password-not-expected',
      stage: 'auth',
      hint: `remove ${t.key}.password, or set requirepass on the server`,
    });
  }
  if (/wrong number of arguments for 'auth'/i.test(msg)) {
    return error([`${t.key}.username`], `${label}: the server does not support user names (Redis older than 6)`, { code: 'acl-unsupported', stage: 'auth', hint: `remove ${t.key}.username` });
  }
  if (/DB index is out of range|invalid DB index/i.test(msg)) {
    return error([`${t.key}.db`], `${label}: database ${t.db} does not exist on this server`, {
      code: 'redis-db-invalid',
      stage: 'semantic',
      hint: 'use a db index below the server\'s "databases" setting (16 by default)',
    });
  }
  if (!t.tls && /Connection is closed|Protocol error|ECONNRESET/i.test(msg)) {
    if (await speaksTls(t, ctx)) {
      return error(fields, `${label}: the server expects TLS on this port`, { code: 'tls-required', stage: 'tls', hint: `set ${t.key}.ssl: true` });
    }
    return error(fields, `${label}: the server closed the connection at the ${stage} stage`, { code: 'connection-closed', stage, hint: 'is this a Redis port?' });
  }
  return error(fields, `${label}: ${msg}`, { code: 'redis-error', stage: stage === 'semantic' ? 'semantic' : 'auth' });
}

/** Differential diagnosis: does a TLS handshake (unverified, just to ask) succeed on this port? */
async function speaksTls(t: RedisTarget, ctx: ProbeContext): Promise<boolean> {
  const quiet: ProbeContext = { ...ctx, enter: () => {} };
  try {
    const s = await connect(t.host, t.port, quiet, { rejectUnauthorized: false });
    s.destroy();
    return true;
  } catch {
    return false;
  }
}
