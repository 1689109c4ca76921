import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns/promises';
import { error } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { ipFamily } from '../config/ip-address';

/**
 * Shared network plumbing for probes: DNS → TCP → TLS with the rung recorded on the context, trust
 * built from system roots + the bundle's CAs, and library errors turned into findings that say
 * which rung failed and why, in words an administrator can act on.
 */

/**
 * TLS options for a client connection: system roots + extra CAs; verification on unless told
 * otherwise; a client certificate when given.
 */
export function tlsClientOptions(ctx: ProbeContext, opts: { servername?: string; extraPems?: string[]; verify?: boolean; cert?: string; key?: string } = {}): tls.ConnectionOptions {
  const extras = [...ctx.extraCAs, ...(opts.extraPems ?? [])];
  const rejectUnauthorized = opts.verify ?? true;
  const o: tls.ConnectionOptions =
    opts.cert !== undefined && opts.key !== undefined
      ? { ca: [...tls.rootCertificates, ...extras], cert: opts.cert, key: opts.key, rejectUnauthorized }
      : { secureContext: trustContext(extras), rejectUnauthorized };
  if (opts.servername && ipFamily(opts.servername) === 0) o.servername = opts.servername;
  return o;
}

const trustContexts = new Map<string, tls.SecureContext>();
const MAX_TRUST_CONTEXTS = 32;

/**
 * A SecureContext trusting the system roots plus `extraPems`, shared by the connections that trust
 * the same set. The roots come from Node's own root store (`addRootCerts`, the roots of
 * `tls.rootCertificates` parsed once per process) and only `extraPems` are parsed: passing the
 * ~140 roots as `ca` PEM strings cost ~30 ms per context, 0.9 ms this way (issue 11). Only
 * certificates (public) are kept; a few, so a server validating many bundles stays small.
 */
export function trustContext(extraPems: readonly string[]): tls.SecureContext {
  const key = extraPems.join('\n');
  let context = trustContexts.get(key);
  if (!context) {
    context = tls.createSecureContext();
    // As the `ca` option adds each PEM (node:_tls_common addCACerts), onto a copy of the root store.
    for (const pem of extraPems) context.context.addCACert(pem);
    if (trustContexts.size >= MAX_TRUST_CONTEXTS) trustContexts.delete(trustContexts.keys().next().value as string);
    trustContexts.set(key, context);
  }
  return context;
}

/** Resolves a host name (stage `dns`); IP literals pass straight through. */
export async function resolveHost(host: string, ctx: ProbeContext): Promise<void> {
  if (ipFamily(host) !== 0 || host === 'localhost') return;
  ctx.enter('dns');
  await dns.lookup(host);
}

/**
 * Opens a TCP connection (stages `dns`, `tcp`), optionally upgraded to TLS (stage `tls`).
 * Rejects on abort; the caller owns the socket and must destroy it.
 */
export async function connect(host: string, port: number, ctx: ProbeContext, useTls?: tls.ConnectionOptions): Promise<net.Socket> {
  await resolveHost(host, ctx);
  ctx.enter('tcp');
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect({ host, port });
    const onAbort = () => {
      s.destroy();
      reject(abortError(ctx));
    };
    if (ctx.signal.aborted) return onAbort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    s.once('connect', () => {
      ctx.signal.removeEventListener('abort', onAbort);
      resolve(s);
    });
    s.once('error', (e) => {
      ctx.signal.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
  if (!useTls) return socket;
  ctx.enter('tls');
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    // `host` is what the certificate is checked against: without it Node checks "localhost", so a
    // certificate for localhost would wrongly pass for 127.0.0.1.
    const t = tls.connect({ ...useTls, socket, host, servername: useTls.servername ?? (ipFamily(host) ? undefined : host) });
    const onAbort = () => {
      t.destroy();
      reject(abortError(ctx));
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    t.once('secureConnect', () => {
      ctx.signal.removeEventListener('abort', onAbort);
      resolve(t);
    });
    t.once('error', (e) => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(e);
    });
  });
}

/** The error a probe sees when its deadline fires. */
export function abortError(ctx: ProbeContext): Error {
  return Object.assign(new Error(`no answer within ${ctx.timeoutMs} ms`), { code: 'ETIMEDOUT_PROBE' });
}

interface Diagnosis {
  stage: Stage;
  code: string;
  message: string;
  hint?: string;
}

const TLS_TRUST_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
]);

/**
 * Classifies a connection-level error (DNS, TCP, TLS, timeout). Returns undefined for errors that
 * are not about the connection (auth, protocol), which the probe must interpret itself.
 */
export function diagnoseNetworkError(e: unknown, target: string, ctx: ProbeContext, currentStage: Stage): Diagnosis | undefined {
  const err = e as { code?: string; message?: string; reason?: string };
  const code = err?.code ?? '';
  const msg = err?.message ?? String(e);
  if (code === 'ETIMEDOUT_PROBE' || ctx.signal.aborted || code === 'ETIMEDOUT' || /timed? ?out/i.test(msg)) {
    return {
      stage: currentStage,
      code: 'timeout',
      message: `${target}: no answer within ${ctx.timeoutMs} ms at the ${currentStage} stage`,
      hint:
        currentStage === 'tcp'
          ? 'is the host reachable and the port open? a firewall may drop the traffic'
          : 'the server accepted the connection but did not answer: is this the right port and protocol (TLS or not)?',
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return { stage: 'dns', code: 'dns-failed', message: `${target}: host name does not resolve (${code})`, hint: 'check the spelling of the host name and the DNS setup' };
  }
  if (code === 'ECONNREFUSED') {
    return { stage: 'tcp', code: 'connection-refused', message: `${target}: connection refused`, hint: 'is the service running and listening on this port?' };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return { stage: 'tcp', code: 'unreachable', message: `${target}: host unreachable (${code})` };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return {
      stage: currentStage,
      code: 'connection-reset',
      message: `${target}: the server closed the connection at the ${currentStage} stage`,
      hint: currentStage === 'tls' ? 'the server may not speak TLS on this port' : undefined,
    };
  }
  if (TLS_TRUST_CODES.has(code)) {
    return {
      stage: 'tls',
      code: 'tls-untrusted',
      message: `${target}: the server's certificate is not trusted (${code})`,
      hint: 'add the CA that signed it to extra_ca_certs/ (or the service CA file) in the bundle',
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      stage: 'tls',
      code: 'tls-hostname-mismatch',
      message: `${target}: the server's certificate does not name this host (${err.reason ?? msg})`,
      hint: 'connect with a host name listed in the certificate, or reissue the certificate',
    };
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return { stage: 'tls', code: 'tls-expired', message: `${target}: the server's certificate is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not yet valid'}` };
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /wrong version number|packet length too long|ssl3_get_record/i.test(msg)) {
    return { stage: 'tls', code: 'tls-failed', message: `${target}: TLS handshake failed (${firstLine(msg)})`, hint: 'does the server speak TLS on this port, and the config ask for it?' };
  }
  return undefined;
}

/** A finding for a connection-level error, or a generic one naming the stage when not recognised. */
export function networkFinding(e: unknown, fields: string[], target: string, ctx: ProbeContext, currentStage: Stage): Finding {
  const d = diagnoseNetworkError(e, target, ctx, currentStage);
  if (d) return error(fields, d.message, { code: d.code, stage: d.stage, ...(d.hint ? { hint: d.hint } : {}) });
  const msg = e instanceof Error ? e.message : String(e);
  return error(fields, `${target}: ${firstLine(msg)}`, { code: 'failed', stage: currentStage });
}

export function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).trim();
}
