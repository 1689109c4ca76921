import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { ServiceModule } from '../types';

/**
 * A fake Elasticsearch (reference/test-services.md §3.8: no real server can be installed here),
 * in-process on free ports: plain HTTP, HTTPS with the harness server cert, and HTTPS with a
 * wrong-host cert. It implements what the probe uses — `GET /`, `GET /<prefix>*`,
 * `GET /_template/<name>` — behind real authentication: HTTP basic auth, or AWS SigV4 (service
 * `es`) verified by recomputing the signature here, independently of the client's signer.
 * Indices under the prefix `forbidden_` answer 403, to test a user without index privileges.
 */
export const service: ServiceModule = {
  name: 'elasticsearch',
  async start(env) {
    const creds = {
      user: 'elastic',
      password: `espass-${randomBytes(6).toString('hex')}`,
      region: 'eu-west-1',
      sigv4AccessKey: 'AKIAFAKEESACCESS0001',
      sigv4SecretKey: `es-sigv4-${randomBytes(12).toString('hex')}`,
    };
    const handler = makeHandler(creds);
    const servers: net.Server[] = [
      http.createServer(handler),
      https.createServer({ cert: env.certs.serverCertPem, key: env.certs.serverKeyPem }, handler),
      https.createServer({ cert: env.certs.wrongHostCertPem, key: env.certs.wrongHostKeyPem }, handler),
    ];
    const [httpPort, httpsPort, wrongHostHttpsPort] = await Promise.all(servers.map(listen));
    return {
      info: {
        host: '127.0.0.1',
        httpPort,
        httpsPort,
        wrongHostHttpsPort,
        httpUrl: `http://127.0.0.1:${httpPort}`,
        httpsUrl: `https://localhost:${httpsPort}`,
        ...creds,
      },
      async stop() {
        await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
      },
    };
  },
};

function listen(server: net.Server): Promise<number> {
  server.on('tlsClientError', () => {});
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    }),
  );
}

interface Creds {
  user: string;
  password: string;
  region: string;
  sigv4AccessKey: string;
  sigv4SecretKey: string;
}

function makeHandler(creds: Creds): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify(body));
      };
      if (!authorized(req, Buffer.concat(chunks), creds)) {
        res.setHeader('www-authenticate', 'Basic realm="security" charset="UTF-8"');
        return send(401, { error: { type: 'security_exception', reason: 'unable to authenticate user' }, status: 401 });
      }
      const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { error: 'method not allowed', status: 405 });
      if (path === '/') {
        return send(200, {
          name: 'fake-node',
          cluster_name: 'fake',
          cluster_uuid: 'fake-uuid',
          version: { number: '8.15.0', build_flavor: 'default', lucene_version: '9.11.1' },
          tagline: 'You Know, for Search',
        });
      }
      if (/^\/forbidden_/.test(path) || /^\/_template\/forbidden_/.test(path)) {
        return send(403, { error: { type: 'security_exception', reason: 'action [indices:admin/get] is unauthorized' }, status: 403 });
      }
      if (path.startsWith('/_template/')) return send(404, {});
      if (/^\/[^/_][^/]*\*$/.test(path)) return send(200, {});
      return send(404, { error: { type: 'index_not_found_exception', reason: `no such index [${path.slice(1)}]` }, status: 404 });
    });
  };
}

function authorized(req: http.IncomingMessage, body: Buffer, creds: Creds): boolean {
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Basic ')) {
    return safeEqual(header, `Basic ${Buffer.from(`${creds.user}:${creds.password}`).toString('base64')}`);
  }
  if (header.startsWith('AWS4-HMAC-SHA256 ')) return verifySigV4(req, body, header, creds);
  return false;
}

/** AWS SigV4 verification written from the specification, not with the client's library. */
function verifySigV4(req: http.IncomingMessage, body: Buffer, header: string, creds: Creds): boolean {
  const m = header.match(/^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/);
  if (!m) return false;
  const [, accessKey = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] = m;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (accessKey !== creds.sigv4AccessKey || region !== creds.region || service !== 'es' || !amzDate.startsWith(date)) return false;
  const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?');
  // Services other than S3 encode the path as received once more ("each segment twice").
  const canonicalUri = rawPath.split('/').map(rfc3986).join('/');
  const canonicalQuery = rawQuery
    .split('&')
    .filter(Boolean)
    .map((kv) => kv.split('=').map((x) => rfc3986(safeDecode(x ?? ''))))
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : (a[0] ?? '') > (b[0] ?? '') ? 1 : 0))
    .map(([k, v]) => `${k}=${v ?? ''}`)
    .join('&');
  const names = signedHeaders.split(';');
  const canonicalHeaders = names
    .map(
      (n) =>
        `${n}:${String(req.headers[n] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? createHash('sha256').update(body).digest('hex'));
  const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
  const kSigning = hmac(hmac(hmac(hmac(`AWS4${creds.sigv4SecretKey}`, date), region), service), 'aws4_request');
  return safeEqual(createHmac('sha256', kSigning).update(toSign).digest('hex'), signature);
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
