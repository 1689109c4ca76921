import { createHash, timingSafeEqual } from 'node:crypto';

/** The fixed user name, as in Quay's config mode. */
export const USERNAME = 'quayconfig';

/** Routes reachable without credentials: health, the login page and its assets, the login call. */
export function isPublicRoute(method: string, pathname: string): boolean {
  const read = method === 'GET' || method === 'HEAD';
  if (read && (pathname === '/api/v2/health' || pathname === '/login' || pathname === '/favicon.ico')) return true;
  if (read && pathname.startsWith('/_next/static/')) return true;
  return method === 'POST' && pathname === '/api/v2/session';
}

/** Constant-time comparison of a presented password with the configured one. */
export function passwordMatches(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when an `Authorization: Basic …` header carries `quayconfig:<password>`. */
export function basicAuthMatches(header: string | undefined, password: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const userOk = passwordMatches(decoded.slice(0, colon), USERNAME);
  const passOk = passwordMatches(decoded.slice(colon + 1), password);
  return userOk && passOk;
}
