import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import next from 'next';
import { generateServerCertificate } from '../keys/tls-certificates';
import type { FieldGroupId } from '../validation/types';
import { basicAuthMatches, isPublicRoute } from './auth';
import { sessionFromCookieHeader, sessionTokenValid } from './session';
import { setServerState } from './state';

export interface ServeOptions {
  port: number;
  host: string;
  password?: string;
  configDir?: string;
  tlsCert?: string;
  tlsKey?: string;
  readonlyGroups: FieldGroupId[];
  operatorEndpoint?: string;
  /** Directory holding the built Next app (`.next`). */
  appDir: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the wizard and API over HTTPS. Next's own `start` has no TLS, so the request handler is
 * wrapped in `node:https`; auth is enforced here, in front of every route but health.
 */
export async function serve(options: ServeOptions, log: (line: string) => void = console.log): Promise<RunningServer> {
  let password = options.password;
  if (!password) {
    password = randomBytes(18).toString('base64url');
    log(`No password given (QUAY_CONFIG_PASSWORD or --password): generated one for user quayconfig: ${password}`);
  }
  setServerState({
    password,
    configDir: options.configDir ?? null,
    readonlyGroups: options.readonlyGroups,
    operatorEndpoint: options.operatorEndpoint ?? null,
  });

  const tls =
    options.tlsCert && options.tlsKey
      ? { cert: readFileSync(options.tlsCert, 'utf8'), key: readFileSync(options.tlsKey, 'utf8') }
      : (() => {
          const made = generateServerCertificate({ hostname: 'localhost', altNames: [os.hostname()], ips: ['127.0.0.1', '::1'] });
          return { cert: made.sslCert, key: made.sslKey };
        })();

  const app = next({ dev: false, dir: path.resolve(options.appDir), hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const expected = password;
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const authenticated =
      basicAuthMatches(req.headers.authorization, expected) || sessionTokenValid(sessionFromCookieHeader(req.headers.cookie));
    if (!authenticated && !isPublicRoute(req.method ?? 'GET', url.pathname)) {
      // A browser asking for a page goes to the login form; API clients get a 401 with a Basic challenge.
      if ((req.method === 'GET' || req.method === 'HEAD') && !url.pathname.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
        res.writeHead(303, { location: `/login?next=${encodeURIComponent(url.pathname + url.search)}`, 'cache-control': 'no-store' });
        res.end();
        return;
      }
      // No Basic challenge for the wizard's own fetches: Chrome would open its native password
      // dialog and hold the request; the page handles the 401 by sending the user to /login.
      const scriptFetch = ['cors', 'same-origin', 'no-cors'].includes(String(req.headers['sec-fetch-mode'] ?? ''));
      res.writeHead(401, {
        'content-type': 'application/json',
        ...(scriptFetch ? {} : { 'www-authenticate': 'Basic realm="quayconfig", charset="UTF-8"' }),
      });
      res.end(JSON.stringify({ error: 'authentication required (user quayconfig)' }));
      return;
    }
    // The client address, set here so a route cannot be fooled by a client-supplied header.
    req.headers['x-quay-config-client'] = req.socket.remoteAddress ?? 'unknown';
    void handle(req, res);
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `https://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log(`quay-config listening on ${url}`);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
