import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ServiceModule } from '../types';
import { startFakeServers, type FakeRequest, type FakeResponse } from './http-fake';

/**
 * One in-process server emulating the parts of GitHub, GitLab, Google and Bitbucket that Quay's
 * OAuth checks touch, each verifying its own client credentials:
 * - GitHub (Enterprise) API under `/api/v3/`: root with `X-GitHub-Request-Id`, the OAuth-application
 *   endpoints (404 for a good client, 401 for a bad one), `/orgs/<org>`; `/not-github/` lacks the header;
 * - GitLab `POST /oauth/token` (credentials in the form);
 * - Google `POST /google/token` (credentials in the form);
 * - Bitbucket `POST /bitbucket/site/oauth2/access_token` (Basic consumer key:secret).
 * A code is never valid: a good client gets `invalid_grant`, a bad one `invalid_client`.
 */

const client = z.object({ clientId: z.string(), clientSecret: z.string() });

/** What the `oauth` service provides to tests (`inject('harness').services.oauth`). */
export const oauthInfo = z.object({
  httpUrl: z.string(),
  httpsUrl: z.string(),
  wrongHostUrl: z.string(),
  github: client.extend({ orgs: z.array(z.string()) }),
  gitlab: client,
  google: client,
  bitbucket: z.object({ consumerKey: z.string(), consumerSecret: z.string() }),
});
export type OAuthInfo = z.infer<typeof oauthInfo>;

const secret = (name: string) => `${name}-secret-${randomBytes(10).toString('hex')}`;

export const service: ServiceModule = {
  name: 'oauth',
  async start(env) {
    const github = { clientId: 'gh-client-1234', clientSecret: secret('gh'), orgs: ['quay', 'coreos'] };
    const gitlab = { clientId: 'gl-client-5678', clientSecret: secret('gl') };
    const google = { clientId: 'goog-client.apps.example.com', clientSecret: secret('goog') };
    const bitbucket = { consumerKey: 'bb-consumer-key', consumerSecret: secret('bb') };

    const githubApi = (req: FakeRequest, rest: string): FakeResponse => {
      const headers = { 'x-github-request-id': `FAKE:${randomBytes(4).toString('hex')}` };
      const goodClient = req.basic?.user === github.clientId && req.basic.password === github.clientSecret;
      const badCredentials: FakeResponse = { status: 401, headers, json: { message: 'Bad credentials' } };
      if (rest === '' && req.method === 'GET') return req.basic && !goodClient ? badCredentials : { status: 200, headers, json: { current_user_url: '/user' } };
      const app = /^applications\/([^/]+)\/(tokens\/foo|token)$/.exec(rest);
      if (app) {
        if (!goodClient || decodeURIComponent(app[1] ?? '') !== github.clientId) return badCredentials;
        return { status: 404, headers, json: { message: 'Not Found' } };
      }
      const org = /^orgs\/([^/]+)$/.exec(rest);
      if (org && req.method === 'GET') {
        return github.orgs.includes(decodeURIComponent(org[1] ?? '')) ? { status: 200, headers, json: { login: org[1] } } : { status: 404, headers, json: { message: 'Not Found' } };
      }
      return { status: 404, headers, json: { message: 'Not Found' } };
    };

    /** A token endpoint that never accepts a code: only the client decides the error. */
    const exchange = (ok: boolean, badStatus = 401): FakeResponse =>
      ok
        ? { status: 400, json: { error: 'invalid_grant', error_description: 'The specified code is not valid.' } }
        : { status: badStatus, json: { error: 'invalid_client', error_description: 'Client authentication failed due to unknown client.' } };

    const servers = await startFakeServers(env, (req) => {
      const gh = /^\/api\/v3\/?(.*)$/.exec(req.path);
      if (gh) return githubApi(req, gh[1] ?? '');
      if (req.path.startsWith('/not-github')) return { status: 200, json: { hello: 'world' } };
      if (req.method === 'POST' && req.path === '/oauth/token') {
        return exchange(req.form.get('client_id') === gitlab.clientId && req.form.get('client_secret') === gitlab.clientSecret);
      }
      if (req.method === 'POST' && req.path === '/google/token') {
        return exchange(req.form.get('client_id') === google.clientId && req.form.get('client_secret') === google.clientSecret);
      }
      if (req.method === 'POST' && req.path === '/bitbucket/site/oauth2/access_token') {
        // Bitbucket answers a bad consumer with 400 invalid_client, not 401.
        return exchange(req.basic?.user === bitbucket.consumerKey && req.basic.password === bitbucket.consumerSecret, 400);
      }
      return { status: 404, json: { message: 'Not Found' } };
    });

    const info: OAuthInfo = { httpUrl: servers.httpUrl, httpsUrl: servers.httpsUrl, wrongHostUrl: servers.wrongHostUrl, github, gitlab, google, bitbucket };
    return {
      info,
      stop: servers.stop,
    };
  },
};
