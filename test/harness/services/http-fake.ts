import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { HarnessEnv } from '../types';

/**
 * In-process HTTP fakes for the OAuth test services: one handler served on three listeners of
 * 127.0.0.1 — plain HTTP, HTTPS with the harness server certificate (localhost/127.0.0.1, signed by
 * the test CA) and HTTPS with the wrong-hostname certificate. Not a service module itself.
 */

export interface FakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as a form (empty for other bodies). */
  form: URLSearchParams;
  /** Credentials of a `Basic` Authorization header, URL-decoded as RFC 6749 §2.3.1 asks. */
  basic?: { user: string; password: string };
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
}

/** `base` is the listener's own origin, e.g. `https://127.0.0.1:41234`. */
export type FakeHandler = (req: FakeRequest, base: string) => FakeResponse;

export interface FakeServers {
  httpUrl: string;
  httpsUrl: string;
  /** HTTPS with a certificate for `wrong.example` only: hostname-mismatch scenarios. */
  wrongHostUrl: string;
  stop(): Promise<void>;
}

/** Starts the three listeners on free ports. */
export async function startFakeServers(env: HarnessEnv, handler: FakeHandler): Promise<FakeServers> {
  const servers: http.Server[] = [];
  const sockets = new Set<net.Socket>();
  const listen = async (server: http.Server, scheme: string): Promise<string> => {
    let base = '';
    server.on('request', (req, res) => serve(req, res, handler, () => base));
    server.on('connection', (s: net.Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const addr = server.address();
    base = `${scheme}://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    servers.push(server);
    return base;
  };
  const { certs } = env;
  const httpUrl = await listen(http.createServer(), 'http');
  const httpsUrl = await listen(https.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem }), 'https');
  const wrongHostUrl = await listen(https.createServer({ cert: certs.wrongHostCertPem, key: certs.wrongHostKeyPem }), 'https');
  return {
    httpUrl,
    httpsUrl,
    wrongHostUrl,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

function serve(req: http.IncomingMessage, res: http.ServerResponse, handler: FakeHandler, base: () => string): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= 64 * 1024) chunks.push(c);
  });
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      headers: req.headers,
      body,
      form: new URLSearchParams(isForm ? body : ''),
      basic: parseBasic(req.headers.authorization),
    };
    let out: FakeResponse;
    try {
      out = handler(request, base());
    } catch (e) {
      out = { status: 500, json: { error: 'fake_failure', error_description: String(e) } };
    }
    const payload = out.json === undefined ? '' : JSON.stringify(out.json);
    res.writeHead(out.status, { ...(payload ? { 'content-type': 'application/json' } : {}), ...out.headers });
    res.end(payload);
  });
}

function parseBasic(header: string | undefined): FakeRequest['basic'] {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { user: dec(decoded.slice(0, i)), password: dec(decoded.slice(i + 1)) };
}
