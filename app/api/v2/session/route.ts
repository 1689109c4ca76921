import { ApiError, handle } from '@/lib/api/http';
import { parseJsonBody, readBody } from '@/lib/api/body';
import { passwordMatches } from '@/lib/server/auth';
import {
  clearedSessionCookie,
  createSessionToken,
  loginDelayMs,
  recordLoginResult,
  revokeSessionToken,
  sessionCookie,
  sessionFromCookieHeader,
} from '@/lib/server/session';
import { getServerState } from '@/lib/server/state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Browser login: `{"password": "…"}` → 204 with an HttpOnly session cookie; wrong password → 401, slowed down. */
export const POST = handle(async (request: Request) => {
  const state = getServerState();
  if (!state) throw new ApiError(503, 'server not initialised');
  const body = parseJsonBody(await readBody(request, 64 * 1024));
  const password = typeof body === 'object' && body !== null && 'password' in body ? (body as { password: unknown }).password : undefined;
  if (typeof password !== 'string') throw new ApiError(400, '"password" (string) is required');
  const client = request.headers.get('x-quay-config-client') ?? 'unknown';
  const delay = loginDelayMs(client);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  const ok = passwordMatches(password, state.password);
  recordLoginResult(client, ok);
  if (!ok) throw new ApiError(401, 'wrong password');
  return new Response(null, { status: 204, headers: { 'set-cookie': sessionCookie(createSessionToken()), 'cache-control': 'no-store' } });
});

/** Logout: the session token stops working on the server too, not only in this browser. */
export const DELETE = handle(async (request: Request) => {
  revokeSessionToken(sessionFromCookieHeader(request.headers.get('cookie') ?? undefined));
  return new Response(null, { status: 204, headers: { 'set-cookie': clearedSessionCookie() } });
});
