import type { Probe } from '../fieldgroups/define';
import { DEFAULT_ENDPOINTS } from './context';
import { basicAuth } from './http';
import {
  attempt,
  BOGUS_CODE,
  exchangeFindings,
  form,
  FORM_HEADERS,
  isFinding,
  publicEndpoint,
  quayRedirectUri,
  slashJoin,
  trackStages,
} from './oauth-token';

/**
 * Client-credential checks for the OAuth services Quay uses besides GitHub and OIDC: GitLab
 * (triggers), Google (login) and Bitbucket (triggers). Each exchanges a made-up authorization code
 * at the service's token endpoint with the real client credentials: `invalid_grant` means the client
 * was accepted, `invalid_client`/401 that it was not (see `exchangeFindings`). Unlike config-tool,
 * every request has a deadline and the public hosts come from `ctx.endpoints`.
 */

function text(cfg: Record<string, unknown>, key: string): string {
  const v = cfg[key];
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * GitLab (oauth/services/gitlab.py): `POST <GITLAB_ENDPOINT>/oauth/token` with the credentials in
 * the form, as Quay sends them, and Quay's trigger redirect URI.
 */
export function gitlabProbe(config: Record<string, unknown>, cfg: Record<string, unknown>): Probe {
  const key = 'GITLAB_TRIGGER_CONFIG';
  const name = `GitLab (${key})`;
  const credentialFields = [`${key}.CLIENT_ID`, `${key}.CLIENT_SECRET`];
  const endpointField = `${key}.GITLAB_ENDPOINT`;
  return {
    name,
    fields: [endpointField, ...credentialFields],
    run: async (ctx) => {
      const tracked = trackStages(ctx);
      const configured = typeof cfg.GITLAB_ENDPOINT === 'string' ? cfg.GITLAB_ENDPOINT.trim() : undefined;
      const base = publicEndpoint(configured, DEFAULT_ENDPOINTS.gitlab, ctx.endpoints.gitlab);
      const tokenUrl = slashJoin(base, 'oauth/token');
      const redirectUri = quayRedirectUri(config, 'gitlab', '/trigger');
      const body = form({
        code: BOGUS_CODE,
        client_id: text(cfg, 'CLIENT_ID'),
        client_secret: text(cfg, 'CLIENT_SECRET'),
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
      });
      const res = await attempt(tokenUrl, { method: 'POST', headers: FORM_HEADERS, body }, tracked, [endpointField]);
      if (isFinding(res)) return [res];
      return exchangeFindings(res, { name, credentialFields, endpointFields: [endpointField], tokenUrl, redirectUri });
    },
  };
}

/** Google (oauth/services/google.py): `POST <google>/token` with a made-up code. */
export function googleProbe(config: Record<string, unknown>, cfg: Record<string, unknown>): Probe {
  const key = 'GOOGLE_LOGIN_CONFIG';
  const name = `Google (${key})`;
  const credentialFields = [`${key}.CLIENT_ID`, `${key}.CLIENT_SECRET`];
  return {
    name,
    fields: credentialFields,
    run: async (ctx) => {
      const tracked = trackStages(ctx);
      const tokenUrl = slashJoin(ctx.endpoints.google, 'token');
      const redirectUri = quayRedirectUri(config, 'google');
      const body = form({
        code: BOGUS_CODE,
        client_id: text(cfg, 'CLIENT_ID'),
        client_secret: text(cfg, 'CLIENT_SECRET'),
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
      });
      // Connection failures concern Google itself, not a key of the config: name the credentials.
      const res = await attempt(tokenUrl, { method: 'POST', headers: FORM_HEADERS, body }, tracked, [key]);
      if (isFinding(res)) return [res];
      return exchangeFindings(res, { name, credentialFields, endpointFields: [key], tokenUrl, redirectUri });
    },
  };
}

/**
 * Bitbucket (OAuth 2 consumer): `POST <bitbucket>/site/oauth2/access_token` with Basic key:secret;
 * Bitbucket answers `invalid_grant` "The specified code is not valid." when it accepted the consumer.
 */
export function bitbucketProbe(cfg: Record<string, unknown>): Probe {
  const key = 'BITBUCKET_TRIGGER_CONFIG';
  const name = `Bitbucket (${key})`;
  const credentialFields = [`${key}.CONSUMER_KEY`, `${key}.CONSUMER_SECRET`];
  return {
    name,
    fields: credentialFields,
    run: async (ctx) => {
      const tracked = trackStages(ctx);
      const tokenUrl = slashJoin(ctx.endpoints.bitbucket, 'site/oauth2/access_token');
      const headers = { ...FORM_HEADERS, authorization: basicAuth(text(cfg, 'CONSUMER_KEY'), text(cfg, 'CONSUMER_SECRET')) };
      const body = form({ grant_type: 'authorization_code', code: BOGUS_CODE });
      const res = await attempt(tokenUrl, { method: 'POST', headers, body }, tracked, [key]);
      if (isFinding(res)) return [res];
      return exchangeFindings(res, { name, credentialFields, endpointFields: [key], tokenUrl });
    },
  };
}
