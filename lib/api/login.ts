import { ApiError } from './http';
import { readJsonBody } from './body';
import { passwordMatches } from '../server/auth';
import { CLIENT_HEADER } from '../server/gate';
import { clearedSessionCookie, createSessionToken, revokeSessionToken, sessionCookie, sessionFromCookieHeader } from '../server/session';
import { getServerState } from '../server/state';
import { takeAuthAttempt } from '../server/throttle';

/** `POST /api/v2/session`: a password attempt from the client's shared budget (Basic failures count too). */
export async function login(request: Request): Promise<Response> {
  const state = getServerState();
  if (!state) throw new ApiError(503, 'server not initialised');
  const body = await readJsonBody(request, 64 * 1024);
  const password = typeof body === 'object' && body !== null && 'password' in body ? (body as { password: unknown }).password : undefined;
  if (typeof password !== 'string') throw new ApiError(400, '"password" (string) is required');
  const attempt = takeAuthAttempt(request.headers.get(CLIENT_HEADER) ?? 'unknown');
  if (!attempt.ok) {
    throw new ApiError(429, `too many failed logins from this client: try again in ${attempt.retryAfterSeconds} s`, { 'retry-after': String(attempt.retryAfterSeconds) });
  }
  if (!passwordMatches(password, state.password)) throw new ApiError(401, 'wrong password');
  attempt.succeeded();
  return new Response(null, { status: 204, headers: { 'set-cookie': sessionCookie(createSessionToken()), 'cache-control': 'no-store' } });
}

/** `DELETE /api/v2/session`: revokes the session by its id, and clears the cookie. */
export async function logout(request: Request): Promise<Response> {
  revokeSessionToken(sessionFromCookieHeader(request.headers.get('cookie') ?? undefined));
  return new Response(null, { status: 204, headers: { 'set-cookie': clearedSessionCookie(), 'cache-control': 'no-store' } });
}
