import net from 'node:net';
import tls from 'node:tls';
import type { Client } from 'ldapts';
import { error, warning } from '../../report/findings';
import type { Finding, Stage } from '../../report/types';
import type { ProbeContext } from '../context';
import { abortError, connect, diagnoseNetworkError, firstLine, networkFinding, tlsClientOptions } from '../net';
import type { LdapTarget } from './types';

/** An open, admin-bound LDAP session, or the findings that explain why there is none. */
export type SessionResult = { client: Client; findings: Finding[]; close(): Promise<void> } | { client?: undefined; findings: Finding[] };

/** LDAP result codes (RFC 4511 §4.1.9) the bind diagnosis distinguishes. */
export const LDAP_CODES = {
  strongerAuthRequired: 8,
  confidentialityRequired: 13,
  noSuchObject: 32,
  invalidDNSyntax: 34,
  inappropriateAuthentication: 48,
  invalidCredentials: 49,
  insufficientAccess: 50,
  unwillingToPerform: 53,
} as const;

/** The numeric LDAP result code of an ldapts error, if it carries one. */
export function ldapCode(e: unknown): number | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

interface ParsedUri {
  host: string;
  port: number;
  secure: boolean;
}

function parseUri(uri: string): ParsedUri | undefined {
  try {
    const u = new URL(uri.trim());
    const scheme = u.protocol.toLowerCase();
    if (scheme !== 'ldap:' && scheme !== 'ldaps:') return undefined;
    const secure = scheme === 'ldaps:';
    const host = u.hostname.replace(/^\[|\]$/g, '') || 'localhost';
    return { host, port: u.port ? Number(u.port) : secure ? 636 : 389, secure };
  } catch {
    return undefined;
  }
}

const TLS_IDENTITY_CODES = new Set(['tls-untrusted', 'tls-hostname-mismatch', 'tls-expired']);

/**
 * Opens the connection (dns → tcp → tls, trust = system roots + extra_ca_certs + ldap.crt) and binds
 * as LDAP_ADMIN_DN (auth). With LDAP_ALLOW_INSECURE_FALLBACK Quay tolerates a certificate it cannot
 * verify (python-ldap OPT_X_TLS_TRY): the probe then reports that as a warning and goes on unverified.
 */
export async function openSession(target: LdapTarget, ctx: ProbeContext, track: () => Stage): Promise<SessionResult> {
  const parsed = parseUri(target.uri);
  if (!parsed) return { findings: [error('LDAP_URI', `LDAP_URI "${target.uri}" is not an ldap:// or ldaps:// URI`, { code: 'ldap-uri-scheme' })] };
  const label = `LDAP server ${target.uri}`;
  const findings: Finding[] = [];
  // Loaded here, before any socket is open, not at the top: an offline validation never needs ldapts.
  const { Client } = await import('ldapts');
  const open = (verify: boolean) => connect(parsed.host, parsed.port, ctx, parsed.secure ? tlsClientOptions(ctx, { servername: parsed.host, extraPems: target.caPems, verify }) : undefined);

  let socket: net.Socket;
  try {
    socket = await open(true);
  } catch (e) {
    const d = diagnoseNetworkError(e, label, ctx, track());
    if (!(d && TLS_IDENTITY_CODES.has(d.code) && target.allowInsecureFallback)) {
      return { findings: [networkFinding(e, ['LDAP_URI'], label, ctx, track())] };
    }
    findings.push(
      warning(['LDAP_URI', 'LDAP_ALLOW_INSECURE_FALLBACK'], `${d.message}; Quay accepts it only because LDAP_ALLOW_INSECURE_FALLBACK is true`, {
        code: d.code,
        stage: 'tls',
        hint: 'put the CA that signed the LDAP server certificate into ldap.crt and turn LDAP_ALLOW_INSECURE_FALLBACK off',
      }),
    );
    try {
      socket = await open(false);
    } catch (e2) {
      return { findings: [...findings, networkFinding(e2, ['LDAP_URI'], label, ctx, track())] };
    }
  }

  // The deadline (or a cancel) closes the socket, which fails whatever operation is pending.
  const onAbort = () => socket.destroy();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  // Hand the already-open socket to ldapts, so the dns/tcp/tls rungs are ours (recorded, abortable).
  const opened = socket;
  const client = new Client({
    url: target.uri.trim(),
    timeout: ctx.timeoutMs,
    ...(opened instanceof tls.TLSSocket ? { createSecureConnection: () => opened } : { createConnection: () => opened }),
  });
  // The abort listener stays until the unbind is done, so a server that stalls it is cut off too.
  const close = async () => {
    try {
      if (!ctx.signal.aborted) await client.unbind();
    } catch {
      /* the connection is going away anyway */
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.destroy();
    }
  };

  ctx.enter('auth');
  try {
    await client.bind(target.adminDn, target.adminPassword);
    return { client, findings, close };
  } catch (e) {
    await close();
    return { findings: [...findings, bindFinding(e, label, ctx, track())] };
  }
}

/** A failed admin bind, on the key that has to change (config-tool tagged it LDAP_URI). */
function bindFinding(e: unknown, label: string, ctx: ProbeContext, stage: Stage): Finding {
  if (ctx.signal.aborted) return networkFinding(abortError(ctx), ['LDAP_URI'], label, ctx, stage);
  const code = ldapCode(e);
  const credentials = ['LDAP_ADMIN_DN', 'LDAP_ADMIN_PASSWD'];
  switch (code) {
    case LDAP_CODES.invalidCredentials:
      return error(credentials, `${label}: the bind as LDAP_ADMIN_DN was rejected: invalid credentials`, {
        code: 'ldap-bind-failed',
        stage: 'auth',
        hint: 'check LDAP_ADMIN_DN (the full DN, not a user name) and LDAP_ADMIN_PASSWD',
      });
    case LDAP_CODES.invalidDNSyntax:
      return error('LDAP_ADMIN_DN', `${label}: the server says LDAP_ADMIN_DN is not a valid DN`, { code: 'ldap-admin-dn-invalid', stage: 'auth' });
    case LDAP_CODES.confidentialityRequired:
    case LDAP_CODES.strongerAuthRequired:
      return error('LDAP_URI', `${label}: the server refuses a simple bind without TLS`, {
        code: 'ldap-tls-required',
        stage: 'auth',
        hint: 'use an ldaps:// LDAP_URI (Quay does not use StartTLS)',
      });
    case LDAP_CODES.unwillingToPerform:
    case LDAP_CODES.inappropriateAuthentication:
      return error(credentials, `${label}: the server refused the bind as LDAP_ADMIN_DN (${firstLine(errorText(e))})`, {
        code: 'ldap-bind-failed',
        stage: 'auth',
        hint: 'an empty password is an anonymous bind, which most servers refuse',
      });
    default: {
      if (code === undefined) return networkFinding(e, ['LDAP_URI'], label, ctx, stage);
      return error(credentials, `${label}: the bind as LDAP_ADMIN_DN failed (${firstLine(errorText(e))})`, { code: 'ldap-bind-failed', stage: 'auth' });
    }
  }
}

/** An error's message without the ldapts suffix noise. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
