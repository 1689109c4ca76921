import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { generateClairPsk } from '../../../lib/keys/psk';
import type { ServiceModule } from '../types';

/**
 * A stand-in for Clair v4 (no Clair binary can be installed here): the part of its HTTP API that
 * Quay's first call uses, `GET /indexer/api/v1/index_state`, behind Clair's PSK check
 * (middleware/auth/httpauth_psk.go: HS256 with the decoded key, issuer in the allowed list, exp and
 * nbf with 15 s leeway; 401 with an empty body otherwise). The JWT is verified here with plain HMAC,
 * independently of the `jose` library the probe signs with. In-process, on free ports:
 * plain HTTP, HTTPS with the harness certificate, and HTTPS with the wrong-host certificate.
 */

const ISSUERS = ['quay'];
const LEEWAY_S = 15;
const STATE = randomBytes(16).toString('hex');

/** Clair's PSK check, re-implemented: true when the bearer token is valid for `key`. */
export function verifyClairToken(header: string | undefined, key: Buffer, nowS = Date.now() / 1000): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  const parts = m?.[1]?.split('.');
  if (!parts || parts.length !== 3) return false;
  const [h, p, s] = parts as [string, string, string];
  try {
    const head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown };
    if (head.alg !== 'HS256') return false;
    const expected = createHmac('sha256', key).update(`${h}.${p}`).digest();
    const got = Buffer.from(s, 'base64url');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) return false;
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss?: unknown; exp?: unknown; nbf?: unknown };
    if (typeof claims.exp === 'number' && claims.exp < nowS - LEEWAY_S) return false;
    if (typeof claims.nbf === 'number' && claims.nbf > nowS + LEEWAY_S) return false;
    return typeof claims.iss === 'string' && ISSUERS.includes(claims.iss);
  } catch {
    return false;
  }
}

function handler(key: Buffer) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.resume();
    if (!verifyClairToken(req.headers.authorization, key)) {
      res.writeHead(401).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://clair').pathname;
    if (req.method === 'GET' && path === '/indexer/api/v1/index_state') {
      res.writeHead(200, { 'content-type': 'application/json', etag: `"${STATE}"` }).end(JSON.stringify({ state: STATE }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'not-found', message: `${path} not found` }));
  };
}

export const service: ServiceModule = {
  name: 'clair',
  async start(env) {
    const psk = generateClairPsk();
    const key = Buffer.from(psk, 'base64');
    const sockets = new Set<net.Socket>();
    const servers: http.Server[] = [];
    const listen = async (server: http.Server, scheme: string): Promise<string> => {
      server.on('request', handler(key));
      server.on('connection', (s: net.Socket) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      servers.push(server);
      const addr = server.address();
      return `${scheme}://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    };
    const { certs } = env;
    const url = await listen(http.createServer(), 'http');
    const httpsUrl = await listen(https.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem }), 'https');
    const wrongHostUrl = await listen(https.createServer({ cert: certs.wrongHostCertPem, key: certs.wrongHostKeyPem }), 'https');
    return {
      info: { url, httpsUrl, wrongHostUrl, psk },
      async stop() {
        for (const s of sockets) s.destroy();
        await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      },
    };
  },
};
