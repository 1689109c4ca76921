import type { IncomingMessage, ServerResponse } from 'node:http';
import { basicAuthMatches, isPublicRoute } from './auth';
import { clientKey } from './client-key';
import { crossOriginRefusal, fromBrowser } from './request-site';
import { securityHeaders } from './security-headers';
import { sessionFromCookieHeader, sessionTokenValid } from './session';
import { takeAuthAttempt } from './throttle';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Header the routes read the client from; set here, so a client cannot choose it. */
export const CLIENT_HEADER = 'x-quay-config-client';

/**
 * What stands in front of every route: security headers, the cross-origin check, authentication
 * (session cookie, or HTTP Basic within the client's attempt budget) and the answer to a request
 * without it (the login page for a browser, a 401 otherwise).
 */
export function gate(password: string, next: Handler): Handler {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'https://localhost');
    for (const [name, value] of Object.entries(securityHeaders(url.pathname))) res.setHeader(name, value);
    const client = clientKey(req.socket.remoteAddress);

    const crossOrigin = crossOriginRefusal(method, url.pathname, req.headers);
    if (crossOrigin) return answer(res, 403, { error: crossOrigin });

    const publicRoute = isPublicRoute(method, url.pathname);
    let authenticated = sessionTokenValid(sessionFromCookieHeader(req.headers.cookie));
    if (!authenticated && !publicRoute && req.headers.authorization?.startsWith('Basic ')) {
      const attempt = takeAuthAttempt(client);
      if (!attempt.ok) {
        return answer(res, 429, { error: `too many failed logins from this client: try again in ${attempt.retryAfterSeconds} s` }, { 'retry-after': String(attempt.retryAfterSeconds) });
      }
      authenticated = basicAuthMatches(req.headers.authorization, password);
      if (authenticated) attempt.succeeded();
    }
    if (!authenticated && !publicRoute) {
      const browser = fromBrowser(req.headers);
      if ((method === 'GET' || method === 'HEAD') && !url.pathname.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
        res.writeHead(303, { location: `/login?next=${encodeURIComponent(url.pathname + url.search)}`, 'cache-control': 'no-store' });
        res.end();
        return;
      }
      // A Basic challenge only for non-browser clients: a browser would open its password dialog
      // and then send the cached credentials with every request, from any site, until it quits.
      return answer(res, 401, { error: 'authentication required (user quayconfig)' }, browser ? {} : { 'www-authenticate': 'Basic realm="quayconfig", charset="UTF-8"' });
    }
    req.headers[CLIENT_HEADER] = client;
    return next(req, res);
  };
}

function answer(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
