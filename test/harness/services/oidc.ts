import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ServiceModule } from '../types';
import { startFakeServers, type FakeRequest, type FakeResponse } from './http-fake';

/**
 * A small OpenID Connect provider, in process, over HTTPS (harness certificate) and HTTP: discovery,
 * JWKS and a token endpoint that authenticates the client (client_secret_basic or _post, as each
 * realm allows) and, like ADFS, checks the redirect URI before the code.
 *
 * Realms (`<base>/realms/<name>`): `quay` (basic + post), `postonly` (post only), `basiconly`
 * (basic only), `public` (a public PKCE client: no secret, a code verifier), `mismatch` (its document
 * names another issuer), `broken` (discovery answers 500).
 */

/** The one redirect URI registered for the client: provider key FAKEIDP_LOGIN_CONFIG on quay.example.com. */
export const REGISTERED_REDIRECT_URI = 'https://quay.example.com/oauth2/fakeidp/callback';

/** What the `oidc` service provides to tests (`inject('harness').services.oidc`). */
export const oidcInfo = z.object({
  /** `https://127.0.0.1:<port>/realms/quay` (test CA); other realms under `httpsBase/realms/<name>`. */
  issuer: z.string(),
  httpIssuer: z.string(),
  wrongHostIssuer: z.string(),
  httpsBase: z.string(),
  httpBase: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  redirectUri: z.string(),
});
export type OidcInfo = z.infer<typeof oidcInfo>;

const METHODS: Record<string, string[]> = {
  quay: ['client_secret_basic', 'client_secret_post'],
  postonly: ['client_secret_post'],
  basiconly: ['client_secret_basic'],
  mismatch: ['client_secret_basic', 'client_secret_post'],
  public: ['none'],
};

export const service: ServiceModule = {
  name: 'oidc',
  async start(env) {
    const clientId = 'quay-test-client';
    const clientSecret = `oidc-secret-${randomBytes(12).toString('hex')}`;
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

    const publicToken = (req: FakeRequest): FakeResponse => {
      if (req.basic || req.form.has('client_secret')) return { status: 400, json: { error: 'invalid_request', error_description: 'a public client sends no secret' } };
      if (req.form.get('client_id') !== clientId) return { status: 401, json: { error: 'invalid_client', error_description: 'Invalid client' } };
      if (!req.form.get('code_verifier')) return { status: 400, json: { error: 'invalid_request', error_description: 'PKCE code_verifier missing' } };
      return { status: 400, json: { error: 'invalid_grant', error_description: 'Code not valid' } };
    };

    const token = (req: FakeRequest, realm: string): FakeResponse => {
      if (realm === 'public') return publicToken(req);
      const methods = METHODS[realm] ?? [];
      const viaBasic = req.basic !== undefined;
      const id = viaBasic ? req.basic?.user : req.form.get('client_id');
      const secret = viaBasic ? req.basic?.password : req.form.get('client_secret');
      const method = viaBasic ? 'client_secret_basic' : 'client_secret_post';
      if (!methods.includes(method) || id !== clientId || secret !== clientSecret) {
        return { status: 401, json: { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' } };
      }
      if (req.form.get('grant_type') !== 'authorization_code') return { status: 400, json: { error: 'unsupported_grant_type' } };
      if (req.form.get('redirect_uri') !== REGISTERED_REDIRECT_URI) {
        return { status: 400, json: { error: 'invalid_request', error_description: 'MSIS9609: the redirect_uri is not registered for this client' } };
      }
      return { status: 400, json: { error: 'invalid_grant', error_description: 'Code not valid' } };
    };

    const servers = await startFakeServers(env, (req, base) => {
      const m = /^\/realms\/([a-z]+)(\/.*)$/.exec(req.path);
      const realm = m?.[1] ?? '';
      const rest = m?.[2] ?? '';
      const issuer = `${base}/realms/${realm}`;
      if (rest === '/.well-known/openid-configuration' && req.method === 'GET') {
        if (realm === 'broken') return { status: 500, json: { error: 'server_error' } };
        if (!(realm in METHODS)) return { status: 404, json: { error: 'Realm does not exist' } };
        return {
          status: 200,
          json: {
            issuer: realm === 'mismatch' ? 'https://login.example.com/realms/other' : issuer,
            authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
            token_endpoint: `${issuer}/protocol/openid-connect/token`,
            userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
            jwks_uri: `${issuer}/protocol/openid-connect/certs`,
            scopes_supported: ['openid', 'profile', 'email', 'groups'],
            response_types_supported: ['code'],
            token_endpoint_auth_methods_supported: METHODS[realm],
          },
        };
      }
      if (rest === '/protocol/openid-connect/certs') return { status: 200, json: { keys: [jwk] } };
      if (rest === '/protocol/openid-connect/token' && req.method === 'POST') return token(req, realm);
      return { status: 404, json: { error: 'not_found' } };
    });

    const info: OidcInfo = {
      issuer: `${servers.httpsUrl}/realms/quay`,
      httpIssuer: `${servers.httpUrl}/realms/quay`,
      wrongHostIssuer: `${servers.wrongHostUrl}/realms/quay`,
      httpsBase: servers.httpsUrl,
      httpBase: servers.httpUrl,
      clientId,
      clientSecret,
      redirectUri: REGISTERED_REDIRECT_URI,
    };
    return {
      info,
      stop: servers.stop,
    };
  },
};
