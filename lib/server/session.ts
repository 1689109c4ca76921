import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Browser sessions: `<session id>.<expiry ms>.<HMAC>` in an HttpOnly, Secure, SameSite=Strict
 * cookie. The id is random, so logging out revokes that one session by id; tokens are parsed
 * strictly (exact shape, nothing before or after), so no variant of a revoked token is accepted.
 */
export const SESSION_COOKIE = 'quayconfig_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/** A per-process signing key: restarting the server logs browsers out (their drafts stay local). */
const KEY = Symbol.for('quay-config.session-key');
function signingKey(): Buffer {
  const g = globalThis as Record<symbol, unknown>;
  if (!(g[KEY] instanceof Buffer)) g[KEY] = randomBytes(32);
  return g[KEY] as Buffer;
}

function sign(sid: string, expiry: string): Buffer {
  return createHmac('sha256', signingKey()).update(`${sid}.${expiry}`).digest();
}

export function createSessionToken(now = Date.now()): string {
  const sid = randomBytes(16).toString('base64url');
  const expiry = String(now + SESSION_TTL_MS);
  return `${sid}.${expiry}.${sign(sid, expiry).toString('base64url')}`;
}

export interface Session {
  id: string;
  expiresAt: number;
}

/** The session a token stands for, if it is exactly a token this server signed and it has not expired or been revoked. */
export function parseSessionToken(token: string | undefined, now = Date.now()): Session | null {
  const m = token === undefined ? null : TOKEN.exec(token);
  if (!m) return null;
  const [, sid = '', expiry = '', mac = ''] = m;
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(sid, expiry);
  // base64url of 32 bytes is 43 characters, but a last character can carry unused bits: compare the re-encoding too.
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || given.toString('base64url') !== mac) return null;
  const expiresAt = Number(expiry);
  if (expiresAt <= now || revokedSessions().has(sid)) return null;
  return { id: sid, expiresAt };
}

export function sessionTokenValid(token: string | undefined, now = Date.now()): boolean {
  return parseSessionToken(token, now) !== null;
}

/**
 * Session ids logged out before they expired. Clearing the cookie only helps the browser that logs
 * out; a copy of the token must stop working too. Kept on globalThis like the signing key, so the
 * HTTPS wrapper and the route handlers share it.
 */
const REVOKED = Symbol.for('quay-config.revoked-sessions');
function revokedSessions(): Map<string, number> {
  const g = globalThis as Record<symbol, unknown>;
  if (!(g[REVOKED] instanceof Map)) g[REVOKED] = new Map<string, number>();
  return g[REVOKED] as Map<string, number>;
}

/** Logs a session out for good: its id is refused until the session would have expired anyway. */
export function revokeSessionToken(token: string | undefined, now = Date.now()): void {
  const session = parseSessionToken(token, now);
  if (!session) return;
  const revoked = revokedSessions();
  for (const [id, expiry] of revoked) if (expiry <= now) revoked.delete(id);
  revoked.set(session.id, session.expiresAt);
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

/** The session token from a Cookie header (the first cookie of that name). */
export function sessionFromCookieHeader(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
