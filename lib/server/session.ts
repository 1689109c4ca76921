import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Browser sessions: an HMAC-signed expiry in an HttpOnly, Secure, SameSite=Strict cookie. */
export const SESSION_COOKIE = 'quayconfig_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** A per-process signing key: restarting the server logs browsers out (their drafts stay local). */
const KEY = Symbol.for('quay-config.session-key');
function signingKey(): Buffer {
  const g = globalThis as Record<symbol, unknown>;
  if (!(g[KEY] instanceof Buffer)) g[KEY] = randomBytes(32);
  return g[KEY] as Buffer;
}

function sign(payload: string): string {
  return createHmac('sha256', signingKey()).update(payload).digest('base64url');
}

export function createSessionToken(now = Date.now()): string {
  const payload = String(now + SESSION_TTL_MS);
  return `${payload}.${sign(payload)}`;
}

export function sessionTokenValid(token: string | undefined, now = Date.now()): boolean {
  if (!token) return false;
  const [payload, mac] = token.split('.');
  if (!payload || !mac || !/^\d+$/.test(payload)) return false;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return Number(payload) > now && !revokedTokens().has(token);
}

/**
 * Tokens logged out before they expired. Clearing the cookie only helps the browser that logs
 * out; a copy of the token (another tab's capture, a proxy log) must stop working too. Kept on
 * globalThis like the signing key, so the HTTPS wrapper and the route handlers share it.
 */
const REVOKED = Symbol.for('quay-config.revoked-sessions');
function revokedTokens(): Map<string, number> {
  const g = globalThis as Record<symbol, unknown>;
  if (!(g[REVOKED] instanceof Map)) g[REVOKED] = new Map<string, number>();
  return g[REVOKED] as Map<string, number>;
}

/** Logs a session out for good: the token is refused until it would have expired anyway. */
export function revokeSessionToken(token: string | undefined, now = Date.now()): void {
  if (!token || !sessionTokenValid(token, now)) return;
  const revoked = revokedTokens();
  for (const [t, expiry] of revoked) if (expiry <= now) revoked.delete(t);
  revoked.set(token, Number(token.split('.')[0]));
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

/** The session token from a Cookie header. */
export function sessionFromCookieHeader(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return undefined;
}

/**
 * Slows down password guessing: each failed attempt from a client adds a second of delay (up to 10 s)
 * before the next answer; a success clears it.
 */
const failures = new Map<string, { count: number; last: number }>();

export function loginDelayMs(client: string, now = Date.now()): number {
  const f = failures.get(client);
  if (!f || now - f.last > 15 * 60_000) return 0;
  return Math.min(f.count, 10) * 1000;
}

export function recordLoginResult(client: string, ok: boolean, now = Date.now()): void {
  if (ok) {
    failures.delete(client);
    return;
  }
  const f = failures.get(client);
  failures.set(client, { count: (f?.count ?? 0) + 1, last: now });
  if (failures.size > 10_000) failures.clear(); // bounded memory under a spray of clients
}
