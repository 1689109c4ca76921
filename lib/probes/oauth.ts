import type { Finding } from '../report/types';
import { DEFAULT_ENDPOINTS, type ProbeContext } from './context';
import { basicAuth } from './http';
import { attempt, BOGUS_CODE, exchangeFindings, form, FORM_HEADERS, isFinding, publicEndpoint, slashJoin, trackStages } from './oauth-token';

/**
 * Client-credential checks for the OAuth services Quay uses besides GitHub and OIDC: GitLab
 * (triggers), Google (login) and Bitbucket (triggers). Each exchanges a made-up authorization code
 * at the service's token endpoint with the real client credentials: `invalid_grant` means the client
 * was accepted, `invalid_client`/401 that it was not (see `exchangeFindings`). Unlike config-tool,
 * every request has a deadline and the public hosts come from `ctx.endpoints`.
 */

/** The client credentials of one OAuth config block, as its field group reads them (trimmed). */
export interface OAuthClientTarget {
  /** The config key of the block, e.g. `GOOGLE_LOGIN_CONFIG`. */
  key: string;
  clientId: string;
  clientSecret: string;
}

/** A GitLab trigger client: the block's `GITLAB_ENDPOINT` and Quay's trigger redirect URI too. */
export interface GitLabTarget extends OAuthClientTarget {
  /** `GITLAB_ENDPOINT` as configured (trimmed), when it is a string. */
  endpoint?: string;
  redirectUri: string;
}

/** A Google login client and Quay's redirect URI for it. */
export interface GoogleTarget extends OAuthClientTarget {
  redirectUri: string;
}

/**
 * GitLab (oauth/services/gitlab.py): `POST <GITLAB_ENDPOINT>/oauth/token` with the credentials in
 * the form, as Quay sends them, and Quay's trigger redirect URI.
 */
export async function probeGitLab(t: GitLabTarget, ctx: ProbeContext): Promise<Finding[]> {
  const name = `GitLab (${t.key})`;
  const credentialFields = [`${t.key}.CLIENT_ID`, `${t.key}.CLIENT_SECRET`];
  const endpointField = `${t.key}.GITLAB_ENDPOINT`;
  const tracked = trackStages(ctx);
  const base = publicEndpoint(t.endpoint, DEFAULT_ENDPOINTS.gitlab, ctx.endpoints.gitlab);
  const tokenUrl = slashJoin(base, 'oauth/token');
  const body = form({
    code: BOGUS_CODE,
    client_id: t.clientId,
    client_secret: t.clientSecret,
    grant_type: 'authorization_code',
    redirect_uri: t.redirectUri,
  });
  const res = await attempt(tokenUrl, { method: 'POST', headers: FORM_HEADERS, body }, tracked, [endpointField]);
  if (isFinding(res)) return [res];
  return exchangeFindings(res, { name, credentialFields, endpointFields: [endpointField], tokenUrl, redirectUri: t.redirectUri });
}

/** Google (oauth/services/google.py): `POST <google>/token` with a made-up code. */
export async function probeGoogle(t: GoogleTarget, ctx: ProbeContext): Promise<Finding[]> {
  const name = `Google (${t.key})`;
  const credentialFields = [`${t.key}.CLIENT_ID`, `${t.key}.CLIENT_SECRET`];
  const tracked = trackStages(ctx);
  const tokenUrl = slashJoin(ctx.endpoints.google, 'token');
  const body = form({
    code: BOGUS_CODE,
    client_id: t.clientId,
    client_secret: t.clientSecret,
    grant_type: 'authorization_code',
    redirect_uri: t.redirectUri,
  });
  // Connection failures concern Google itself, not a key of the config: name the credentials.
  const res = await attempt(tokenUrl, { method: 'POST', headers: FORM_HEADERS, body }, tracked, [t.key]);
  if (isFinding(res)) return [res];
  return exchangeFindings(res, { name, credentialFields, endpointFields: [t.key], tokenUrl, redirectUri: t.redirectUri });
}

/**
 * Bitbucket (OAuth 2 consumer): `POST <bitbucket>/site/oauth2/access_token` with Basic key:secret;
 * Bitbucket answers `invalid_grant` "The specified code is not valid." when it accepted the consumer.
 * The target's client id and secret are the block's `CONSUMER_KEY` and `CONSUMER_SECRET`.
 */
export async function probeBitbucket(t: OAuthClientTarget, ctx: ProbeContext): Promise<Finding[]> {
  const name = `Bitbucket (${t.key})`;
  const credentialFields = [`${t.key}.CONSUMER_KEY`, `${t.key}.CONSUMER_SECRET`];
  const tracked = trackStages(ctx);
  const tokenUrl = slashJoin(ctx.endpoints.bitbucket, 'site/oauth2/access_token');
  const headers = { ...FORM_HEADERS, authorization: basicAuth(t.clientId, t.clientSecret) };
  const body = form({ grant_type: 'authorization_code', code: BOGUS_CODE });
  const res = await attempt(tokenUrl, { method: 'POST', headers, body }, tracked, [t.key]);
  if (isFinding(res)) return [res];
  return exchangeFindings(res, { name, credentialFields, endpointFields: [t.key], tokenUrl });
}
