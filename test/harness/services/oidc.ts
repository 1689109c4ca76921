import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import Provider, { type Adapter, type AdapterPayload, type ClientAuthMethod, type ClientMetadata } from 'oidc-provider';
import { z } from 'zod';
import type { ServiceModule } from '../types';

/**
 * A real OpenID Provider: panva's `oidc-provider` (OpenID Certified), in process, with discovery,
 * JWKS and a token endpoint that authenticates clients. Each realm (`<base>/realms/<name>`) is its
 * own Provider instance with its own issuer:
 *
 * - `quay` (HTTPS, harness certificate; also on the HTTP listener with an http:// issuer): the
 *   confidential client (id + secret, redirect URI below) and a public PKCE client, every client
 *   authentication method advertised;
 * - `postonly` / `basiconly`: only client_secret_post / only client_secret_basic advertised
 *   (`basiconly` also refuses a secret in the body, which is how Quay sends it);
 * - `adfs`: like `quay`, but the token endpoint checks redirect_uri against the client's before
 *   looking at the code, as ADFS does (oidc-provider, like Keycloak, only compares it with the
 *   code's, so a made-up code hides a wrong redirect URI).
 *
 * The HTTPS listener also answers as `localhost`, so `https://localhost:<port>/realms/quay/` is a
 * working server whose document names another issuer; the third listener presents the
 * `wrong.example` certificate.
 */

/** The one redirect URI registered for the clients: provider key FAKEIDP_LOGIN_CONFIG on quay.example.com. */
export const REGISTERED_REDIRECT_URI = 'https://quay.example.com/oauth2/fakeidp/callback';

/** What the `oidc` service provides to tests (`inject('harness').services.oidc`). */
export const oidcInfo = z.object({
  /** `https://127.0.0.1:<port>/realms/quay` (test CA); other realms under `httpsBase/realms/<name>`. */
  issuer: z.string(),
  httpIssuer: z.string(),
  wrongHostIssuer: z.string(),
  /** The `quay` realm reached as `localhost`: its documents name `issuer`, not this. */
  aliasIssuer: z.string(),
  httpsBase: z.string(),
  httpBase: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  /** A public client (no secret, PKCE) of the same realms. */
  publicClientId: z.string(),
  redirectUri: z.string(),
});
export type OidcInfo = z.infer<typeof oidcInfo>;

const CLIENT_ID = 'quay-test-client';
const PUBLIC_CLIENT_ID = 'quay-public-client';

interface Realm {
  methods?: ClientAuthMethod[];
  /** Registered method of the confidential client. */
  clientMethod: ClientAuthMethod;
  strictRedirect?: boolean;
}

const REALMS: Record<string, Realm> = {
  // Quay sends the secret in the body: register the client for that.
  quay: { clientMethod: 'client_secret_post' },
  postonly: { methods: ['client_secret_post', 'none'], clientMethod: 'client_secret_post' },
  basiconly: { methods: ['client_secret_basic', 'none'], clientMethod: 'client_secret_basic' },
  adfs: { clientMethod: 'client_secret_post', strictRedirect: true },
};

export const service: ServiceModule = {
  name: 'oidc',
  async start(env) {
    const clientSecret = `oidc-secret-${randomBytes(12).toString('hex')}`;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'harness-key', use: 'sig', alg: 'RS256' };
    const cookieKey = randomBytes(32).toString('hex');

    const makeProvider = (issuer: string, realm: Realm): Provider => {
      const clients: ClientMetadata[] = [
        { client_id: CLIENT_ID, client_secret: clientSecret, redirect_uris: [REGISTERED_REDIRECT_URI], token_endpoint_auth_method: realm.clientMethod },
        { client_id: PUBLIC_CLIENT_ID, redirect_uris: [REGISTERED_REDIRECT_URI], token_endpoint_auth_method: 'none' },
      ];
      return new Provider(issuer, {
        clients,
        ...(realm.methods ? { clientAuthMethods: realm.methods } : {}),
        jwks: { keys: [signingKey] },
        cookies: { keys: [cookieKey] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
        // No interactive login here (the probe never logs a user in); no dev-only login pages.
        features: { devInteractions: { enabled: false } },
        adapter: MemoryAdapter,
      });
    };

    const sockets = new Set<net.Socket>();
    const servers: http.Server[] = [];
    const listen = async (server: http.Server, scheme: string): Promise<string> => {
      server.on('connection', (s: net.Socket) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      const addr = server.address();
      return `${scheme}://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    };
    const { certs } = env;
    const httpServer = http.createServer();
    const httpsServer = https.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem });
    const wrongHostServer = https.createServer({ cert: certs.wrongHostCertPem, key: certs.wrongHostKeyPem });
    const httpBase = await listen(httpServer, 'http');
    const httpsBase = await listen(httpsServer, 'https');
    const wrongHostBase = await listen(wrongHostServer, 'https');

    const realmsFor = (base: string, names: string[]) =>
      new Map(names.map((name) => [name, { realm: REALMS[name] as Realm, provider: makeProvider(`${base}/realms/${name}`, REALMS[name] as Realm) }]));
    const httpsRealms = realmsFor(httpsBase, Object.keys(REALMS));
    httpServer.on('request', router(realmsFor(httpBase, ['quay'])));
    httpsServer.on('request', router(httpsRealms));
    wrongHostServer.on('request', router(httpsRealms));

    const info: OidcInfo = {
      issuer: `${httpsBase}/realms/quay`,
      httpIssuer: `${httpBase}/realms/quay`,
      wrongHostIssuer: `${wrongHostBase}/realms/quay`,
      aliasIssuer: `${httpsBase.replace('127.0.0.1', 'localhost')}/realms/quay`,
      httpsBase,
      httpBase,
      clientId: CLIENT_ID,
      clientSecret,
      publicClientId: PUBLIC_CLIENT_ID,
      redirectUri: REGISTERED_REDIRECT_URI,
    };
    return {
      info,
      async stop() {
        for (const s of sockets) s.destroy();
        await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      },
    };
  },
};

/** Dispatches `/realms/<name>/…` to that realm's provider, mounted there as oidc-provider expects. */
function router(realms: Map<string, { realm: Realm; provider: Provider }>): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const callbacks = new Map([...realms].map(([name, r]) => [name, r.provider.callback()]));
  return (req, res) => {
    const m = /^\/realms\/([a-z]+)(\/.*)?$/.exec(req.url ?? '');
    const name = m?.[1] ?? '';
    const entry = realms.get(name);
    const callback = callbacks.get(name);
    if (!entry || !callback) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found', error_description: 'no such realm' }));
      return;
    }
    // oidc-provider derives its mount path (for endpoint URLs) from originalUrl minus url.
    const mounted = Object.assign(req, { originalUrl: req.url });
    mounted.url = m?.[2] ?? '/';
    if (entry.realm.strictRedirect && req.method === 'POST' && mounted.url.startsWith('/token')) {
      strictRedirectCheck(mounted, res, callback);
      return;
    }
    void callback(mounted, res);
  };
}

/** ADFS's order: an unregistered redirect_uri is refused before the code is looked at. */
function strictRedirectCheck(req: http.IncomingMessage, res: http.ServerResponse, next: (req: http.IncomingMessage, res: http.ServerResponse) => unknown): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const redirect = new URLSearchParams(body).get('redirect_uri');
    if (redirect !== REGISTERED_REDIRECT_URI) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'MSIS9609: the redirect_uri is not registered for this client' }));
      return;
    }
    // The body is consumed: oidc-provider reads an upstream-parsed body from req.body.
    void next(Object.assign(req, { body }), res);
  });
}

/** oidc-provider's storage, in memory (its built-in one works too but warns it is for development). */
class MemoryAdapter implements Adapter {
  private static store = new Map<string, AdapterPayload>();
  constructor(private readonly name: string) {}
  private key(id: string) {
    return `${this.name}:${id}`;
  }
  async upsert(id: string, payload: AdapterPayload): Promise<void> {
    MemoryAdapter.store.set(this.key(id), payload);
  }
  async find(id: string): Promise<AdapterPayload | undefined> {
    return MemoryAdapter.store.get(this.key(id));
  }
  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return [...MemoryAdapter.store.values()].find((p) => p.userCode === userCode);
  }
  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return [...MemoryAdapter.store.values()].find((p) => p.uid === uid);
  }
  async consume(id: string): Promise<void> {
    const p = MemoryAdapter.store.get(this.key(id));
    if (p) p.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [k, p] of MemoryAdapter.store) if (p.grantId === grantId) MemoryAdapter.store.delete(k);
  }
}
