import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { SignJWT } from 'jose';
import type { HarnessEnv, ServiceModule } from '../types';

/**
 * A small in-process external JWT authentication server with Quay's contract (data/users/externaljwt.py,
 * modelled on Quay's own test fake): GET /user/verify with HTTP Basic, /user/get?username=,
 * /user/query?query=&limit=, each answering `{"token": <RS256 JWT>}`. `certPem` is what goes into
 * the bundle as `jwt-authn.cert` (Quay reads it as a PEM public key). `/open/*` endpoints misbehave
 * on purpose (accept any credentials, answer the health ping with 200).
 */

const ISSUER = 'quay-config-test-jwt';
const USERS = [
  { username: 'alice', password: 'alicepass', email: 'alice@example.org' },
  { username: 'bob', password: 'bobpass', email: 'bob@example.org' },
];

function handler(privateKey: KeyObject) {
  const token = (aud: string, claims: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(ISSUER)
      .setAudience(aud)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 60)
      .sign(privateKey);
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const basic = (req: http.IncomingMessage): [string, string] | undefined => {
    const m = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (!m?.[1]) return undefined;
    const text = Buffer.from(m[1], 'base64').toString('utf8');
    const i = text.indexOf(':');
    return i < 0 ? undefined : [text.slice(0, i), text.slice(i + 1)];
  };

  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://jwt');
    const user = (name: string | null) => USERS.find((u) => u.username === name || u.email === name);
    if (req.method !== 'GET') return send(res, 405, 'method not allowed');
    switch (url.pathname) {
      case '/user/verify': {
        const creds = basic(req);
        const u = creds && user(creds[0]);
        if (!u || !creds || u.password !== creds[1]) return send(res, 401, 'Invalid username or password');
        return send(res, 200, { token: await token('quay.io/jwtauthn', { sub: u.username, email: u.email }) });
      }
      case '/open/verify': {
        const name = basic(req)?.[0] ?? 'anonymous';
        return send(res, 200, { token: await token('quay.io/jwtauthn', { sub: name, email: `${name}@example.org` }) });
      }
      case '/user/get': {
        const u = user(url.searchParams.get('username'));
        if (!u) return send(res, 404, 'Invalid username or password');
        return send(res, 200, { token: await token('quay.io/jwtauthn/getuser', { sub: u.username, email: u.email }) });
      }
      case '/open/get':
        return send(res, 200, 'ok');
      case '/user/query': {
        const q = url.searchParams.get('query');
        if (q === null) return send(res, 400, 'missing query');
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const results = USERS.filter((u) => u.username.startsWith(q))
          .slice(0, limit)
          .map((u) => ({ username: u.username, email: u.email }));
        return send(res, 200, { token: await token('quay.io/jwtauthn/query', { results }) });
      }
      default:
        return send(res, 404, 'not found');
    }
  };
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

async function start(env: HarnessEnv) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const handle = handler(privateKey);
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  };
  const servers = [
    http.createServer(onRequest),
    https.createServer({ cert: env.certs.serverCertPem, key: env.certs.serverKeyPem }, onRequest),
    https.createServer({ cert: env.certs.wrongHostCertPem, key: env.certs.wrongHostKeyPem }, onRequest),
  ];
  const [port, tlsPort, wrongHostPort] = await Promise.all(servers.map(listen));
  const url = `http://127.0.0.1:${port}`;
  return {
    info: {
      url,
      httpsUrl: `https://localhost:${tlsPort}`,
      wrongHostUrl: `https://localhost:${wrongHostPort}`,
      verifyUrl: `${url}/user/verify`,
      getuserUrl: `${url}/user/get`,
      queryUrl: `${url}/user/query`,
      issuer: ISSUER,
      certPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      otherCertPem: other.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      users: USERS.map(({ username, password }) => ({ username, password })),
    },
    stop: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}

export const service: ServiceModule = { name: 'jwt-auth', start };
