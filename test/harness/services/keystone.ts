import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isObject } from '../../../lib/config/values';
import type { HarnessEnv, ServiceModule } from '../types';

/**
 * A small in-process OpenStack Keystone: the v2.0 and v3 token calls Quay's keystoneauth clients make,
 * with real credential checking (401 on a wrong password or tenant), plus the v2 tenant user list the
 * legacy validator used. Served over http, https (harness cert) and https with the wrong-host cert.
 */

interface User {
  id: string;
  name: string;
  password: string;
  email: string;
  /** Tenants (projects) the user has a role on. */
  tenants: string[];
}

const TENANTS = [
  { id: 't-admin', name: 'admin' },
  { id: 't-empty', name: 'empty' },
];
const ADMIN = { name: 'admin', password: 'keystone-admin-pw' };
const USERS: User[] = [
  { id: 'u-admin', name: ADMIN.name, password: ADMIN.password, email: 'admin@example.org', tenants: ['admin', 'empty'] },
  { id: 'u-alice', name: 'alice', password: 'alicepass', email: 'alice@example.org', tenants: ['admin'] },
];

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (isObject(v) ? v : {});

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const unauthorized = (res: http.ServerResponse) => send(res, 401, { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });

function handler(tokens: Map<string, { user: User; tenant?: string }>) {
  const issue = (user: User, tenant?: string) => {
    const id = randomBytes(16).toString('hex');
    tokens.set(id, { user, ...(tenant ? { tenant } : {}) });
    return id;
  };
  const findUser = (name: unknown, password: unknown) => USERS.find((u) => u.name === name && u.password === password);

  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Json = {};
      try {
        body = obj(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        return send(res, 400, { error: { code: 400, message: 'malformed JSON' } });
      }
      const url = new URL(req.url ?? '/', 'http://keystone');
      if (req.method === 'POST' && url.pathname === '/v2.0/tokens') {
        const auth = obj(body.auth);
        const creds = obj(auth.passwordCredentials);
        const user = findUser(creds.username, creds.password);
        const tenant = TENANTS.find((t) => t.name === auth.tenantName || t.id === auth.tenantId);
        const scoped = auth.tenantName !== undefined || auth.tenantId !== undefined;
        if (!user || (scoped && (!tenant || !user.tenants.includes(tenant.name)))) return unauthorized(res);
        const id = issue(user, tenant?.name);
        return send(res, 200, { access: { token: { id, expires: new Date(Date.now() + 3600_000).toISOString(), ...(tenant ? { tenant } : {}) }, user: { id: user.id, name: user.name } } });
      }
      const tenantUsers = /^\/v2\.0\/tenants\/([^/]+)\/users$/.exec(url.pathname);
      if (req.method === 'GET' && tenantUsers) {
        const session = tokens.get(String(req.headers['x-auth-token'] ?? ''));
        if (!session) return unauthorized(res);
        const tenant = TENANTS.find((t) => t.id === tenantUsers[1]);
        if (!tenant) return send(res, 404, { error: { code: 404, message: 'Could not find tenant.' } });
        // The "empty" tenant lists nobody, to exercise the no-users warning.
        const members = tenant.name === 'empty' ? [] : USERS.filter((u) => u.tenants.includes(tenant.name));
        return send(res, 200, { users: members.map((u) => ({ id: u.id, name: u.name, email: u.email, enabled: true })) });
      }
      if (req.method === 'POST' && url.pathname === '/v3/auth/tokens') {
        const identity = obj(obj(body.auth).identity);
        const u = obj(obj(identity.password).user);
        const user = Array.isArray(identity.methods) && identity.methods.includes('password') && obj(u.domain).id === 'default' ? findUser(u.name, u.password) : undefined;
        const project = obj(obj(obj(body.auth).scope).project);
        const scoped = Object.keys(project).length > 0;
        const tenant = TENANTS.find((t) => t.name === project.name && obj(project.domain).id === 'default');
        if (!user || (scoped && (!tenant || !user.tenants.includes(tenant.name)))) return unauthorized(res);
        const id = issue(user, tenant?.name);
        return send(res, 201, { token: { methods: ['password'], user: { id: user.id, name: user.name }, ...(tenant ? { project: tenant } : {}) } }, { 'x-subject-token': id });
      }
      send(res, 404, { error: { code: 404, message: 'The resource could not be found.' } });
    });
  };
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

async function start(env: HarnessEnv) {
  const tokens = new Map<string, { user: User; tenant?: string }>();
  const servers = [
    http.createServer(handler(tokens)),
    https.createServer({ cert: env.certs.serverCertPem, key: env.certs.serverKeyPem }, handler(tokens)),
    https.createServer({ cert: env.certs.wrongHostCertPem, key: env.certs.wrongHostKeyPem }, handler(tokens)),
  ];
  const [port, tlsPort, wrongHostPort] = await Promise.all(servers.map(listen));
  return {
    info: {
      url: `http://127.0.0.1:${port}`,
      httpsUrl: `https://localhost:${tlsPort}`,
      wrongHostUrl: `https://localhost:${wrongHostPort}`,
      adminUsername: ADMIN.name,
      adminPassword: ADMIN.password,
      tenant: 'admin',
      emptyTenant: 'empty',
    },
    stop: async () => {
      await Promise.all(servers.map(close));
    },
  };
}

export const service: ServiceModule = { name: 'keystone', start };
