import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { DEFAULT_ENDPOINTS, type ProbeContext } from './context';
import { basicAuth, type ProbeHttpResponse } from './http';
import { attempt, displayUrl, isFinding, publicEndpoint, slashJoin, trackStages } from './oauth-token';

/**
 * GitHub (Enterprise) OAuth app check, as Quay's oauth/services/github.py validates it: the API
 * endpoint must be GitHub (`X-GitHub-Request-Id`), the client id/secret pair must be accepted by the
 * OAuth-application endpoints, and every allowed organization must exist.
 */

/** Most organizations checked (each is one request). */
const MAX_ORGS = 20;

/** One GitHub OAuth block (`GITHUB_LOGIN_CONFIG` or `GITHUB_TRIGGER_CONFIG`), as its field group reads it. */
export interface GitHubTarget {
  key: string;
  /** `GITHUB_ENDPOINT` (trimmed), when it is a string. */
  endpoint?: string;
  /** `API_ENDPOINT` (trimmed), when it is a string. */
  apiEndpoint?: string;
  clientId: string;
  clientSecret: string;
  /** With `ORG_RESTRICT: true`: the names in `ALLOWED_ORGANIZATIONS`, with their index in that list. */
  organizations: { name: string; index: number }[];
}

/**
 * Checks one GitHub OAuth block (already checked by the rules): the API endpoint, the client
 * credentials, then each allowed organization (the first `MAX_ORGS` entries of the list).
 */
export async function probeGitHub(t: GitHubTarget, probeCtx: ProbeContext): Promise<Finding[]> {
  const key = t.key;
  const endpointField = t.apiEndpoint !== undefined ? `${key}.API_ENDPOINT` : `${key}.GITHUB_ENDPOINT`;
  const credentialFields = [`${key}.CLIENT_ID`, `${key}.CLIENT_SECRET`];
  const tracked = trackStages(probeCtx);
  const api = githubApiUrl(t.endpoint, t.apiEndpoint, probeCtx);
  const auth = { authorization: basicAuth(t.clientId, t.clientSecret) };
  const name = `GitHub (${key})`;

  const root = await attempt(api, { headers: auth }, tracked, [endpointField]);
  if (isFinding(root)) return [root];
  if (root.headers['x-github-request-id'] === undefined) {
    return [
      error(endpointField, `${name}: ${displayUrl(api)} is not a GitHub (Enterprise) API: no X-GitHub-Request-Id header in its HTTP ${root.status} answer`, {
        code: 'not-github',
        stage: 'semantic',
        hint: 'for github.com use API_ENDPOINT: https://api.github.com/; for GitHub Enterprise https://<host>/api/v3/',
      }),
    ];
  }
  const creds = await checkClient(api, t.clientId, auth, tracked, name, endpointField, credentialFields);
  if (creds.some((f) => f.severity === 'error')) return creds;
  const orgFindings = await Promise.all(t.organizations.filter((org) => org.index < MAX_ORGS).map((org) => checkOrg(api, org.name, auth, tracked, `${key}.ALLOWED_ORGANIZATIONS[${org.index}]`, name)));
  return [...creds, ...orgFindings.flat()];
}

/**
 * Quay's API URL: API_ENDPOINT, else `<GITHUB_ENDPOINT>/api/v3/`; github.com URLs are re-based on
 * `ctx.endpoints` (api.github.com → githubApi, github.com → github).
 */
export function githubApiUrl(endpoint: string | undefined, apiEndpoint: string | undefined, ctx: ProbeContext): string {
  if (apiEndpoint !== undefined) return publicEndpoint(apiEndpoint, DEFAULT_ENDPOINTS.githubApi, ctx.endpoints.githubApi);
  const base = publicEndpoint(endpoint ?? DEFAULT_ENDPOINTS.github, DEFAULT_ENDPOINTS.github, ctx.endpoints.github);
  return slashJoin(base, 'api/v3/');
}

/**
 * The client check. Quay asks `GET applications/<id>/tokens/foo` (401 = bad pair, 404 = good pair);
 * GitHub retired that route in 2021, so the current `POST applications/<id>/token` is asked too and
 * a 401 from either means the pair is wrong.
 */
async function checkClient(
  api: string,
  clientId: string,
  auth: Record<string, string>,
  tracked: ReturnType<typeof trackStages>,
  name: string,
  endpointField: string,
  credentialFields: string[],
): Promise<Finding[]> {
  const id = encodeURIComponent(clientId);
  const [legacy, current] = await Promise.all([
    attempt(slashJoin(api, `applications/${id}/tokens/foo`), { headers: auth }, tracked, [endpointField]),
    attempt(
      slashJoin(api, `applications/${id}/token`),
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ access_token: 'foo' }),
      },
      tracked,
      [endpointField],
    ),
  ]);
  if (isFinding(legacy)) return [legacy];
  if (isFinding(current)) return [current];
  const answers: ProbeHttpResponse[] = [legacy, current];
  if (answers.some((r) => r.status === 401)) {
    return [
      error(credentialFields, `${name}: GitHub rejected the client id and secret (HTTP 401)`, {
        code: 'auth-failed',
        stage: 'auth',
        hint: 'copy the Client ID and a current Client secret from the OAuth app settings on GitHub',
      }),
    ];
  }
  if (answers.some((r) => r.status === 404 || r.status === 422)) return [];
  return [
    warning(credentialFields, `${name}: could not confirm the client credentials (GitHub answered HTTP ${legacy.status} and ${current.status})`, {
      code: 'credentials-unconfirmed',
      stage: 'semantic',
      hint: 'HTTP 403 usually means the API rate limit was hit; try again later',
    }),
  ];
}

/** `GET orgs/<org lowercased>` must be 200 (legacy rule "Invalid organization"). */
async function checkOrg(api: string, org: string, auth: Record<string, string>, tracked: ReturnType<typeof trackStages>, field: string, name: string): Promise<Finding[]> {
  const res = await attempt(slashJoin(api, `orgs/${encodeURIComponent(org.toLowerCase())}`), { headers: auth }, tracked, [field]);
  if (isFinding(res)) return [{ ...res, severity: 'warning' }];
  if (res.status === 200) return [];
  if (res.status === 404) {
    return [warning(field, `${name}: organization "${org}" does not exist on this GitHub`, { code: 'org-not-found', stage: 'semantic', hint: 'members of a missing organization can never log in' })];
  }
  return [warning(field, `${name}: could not check organization "${org}" (HTTP ${res.status})`, { code: 'org-unverified', stage: 'semantic' })];
}
