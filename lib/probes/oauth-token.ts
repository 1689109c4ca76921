import { isObject } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { probeHttp, serviceWords, type ProbeHttpRequest, type ProbeHttpResponse } from './http';
import { firstLine, networkFinding } from './net';

/**
 * Plumbing shared by the OAuth and OIDC probes: stage tracking, one request that turns a connection
 * failure into a finding, and the interpretation of an authorization-code exchange made with a bogus
 * code — the only way to test client credentials without a user: a provider that authenticated the
 * client answers `invalid_grant` (the code is bad), one that did not answers `invalid_client`/401.
 */

/** The code sent in test exchanges; no provider issues codes like it. */
export const BOGUS_CODE = 'quay-config-validation-not-a-real-code';

/** A probe context that remembers the last stage entered, so a failure can name its rung. */
export function trackStages(ctx: ProbeContext): { ctx: ProbeContext; stage: () => Stage } {
  let current: Stage = 'config';
  return {
    ctx: {
      ...ctx,
      enter: (s) => {
        current = s;
        ctx.enter(s);
      },
    },
    stage: () => current,
  };
}

/** One request; a connection-level failure (dns, tcp, tls, timeout) comes back as a finding on `fields`. */
export async function attempt(url: string, req: ProbeHttpRequest, tracked: { ctx: ProbeContext; stage: () => Stage }, fields: string[]): Promise<ProbeHttpResponse | Finding> {
  try {
    return await probeHttp(url, req, tracked.ctx);
  } catch (e) {
    return networkFinding(e, fields, displayUrl(url), tracked.ctx, tracked.stage());
  }
}

/** Narrows `attempt`'s result. */
export function isFinding(x: ProbeHttpResponse | Finding): x is Finding {
  return 'severity' in x;
}

/** A URL as shown in messages: without user info or query string. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/**
 * The URL to contact for a public service: the configured URL, except that one on the real public
 * host (github.com, gitlab.com, …) is re-based onto `ctx.endpoints` so tests can point it at a fake.
 */
export function publicEndpoint(configured: string | undefined, real: string, override: string): string {
  if (configured === undefined) return override;
  try {
    const c = new URL(configured);
    const r = new URL(real);
    if (c.origin !== r.origin || real === override) return configured;
    const rest = c.pathname.startsWith(r.pathname) ? c.pathname.slice(r.pathname.length) : c.pathname.replace(/^\//, '');
    return new URL(rest + c.search, override.endsWith('/') ? override : `${override}/`).toString();
  } catch {
    return configured;
  }
}

/** Joins a base URL and a relative path with exactly one slash (Quay's util.slash_join). */
export function slashJoin(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** An OAuth error answer: `{error, error_description}`. */
export interface OAuthError {
  error?: string;
  description?: string;
}

/** The `error`/`error_description` of a JSON answer, when present. */
export function oauthError(json: unknown): OAuthError {
  if (!isObject(json)) return {};
  return {
    error: typeof json.error === 'string' ? json.error : undefined,
    description: typeof json.error_description === 'string' ? json.error_description : undefined,
  };
}

/** What a bogus-code exchange tells about one client. */
export interface ExchangeSubject {
  /** Label for messages, e.g. `GitLab (GITLAB_TRIGGER_CONFIG)`. */
  name: string;
  /** The client id and secret keys: auth failures go there. */
  credentialFields: string[];
  /** The endpoint key: protocol failures go there. */
  endpointFields: string[];
  tokenUrl: string;
  /** The redirect URI sent, for the hint when the provider rejects it. */
  redirectUri?: string;
}

/**
 * Findings from the answer to a bogus-code exchange: none when the provider rejected only the
 * code; `auth-failed` when it rejected the client; otherwise what it said, never taken for
 * "unreachable" (quay-operator#1032 showed `invalid_request` reported as a reachability error).
 */
export function exchangeFindings(res: ProbeHttpResponse, s: ExchangeSubject): Finding[] {
  const { error: code, description } = oauthError(res.json);
  const said = describeAnswer(res, code, description);
  if (code === 'invalid_grant' || (code === undefined && /code/i.test(description ?? '') && res.status === 400)) return [];
  if (code === 'invalid_client' || res.status === 401) {
    return [
      error(s.credentialFields, `${s.name}: the provider rejected the client credentials (${said})`, {
        code: 'auth-failed',
        stage: 'auth',
        hint: `check ${s.credentialFields.join(' and ')} against the OAuth application registered with the provider`,
      }),
    ];
  }
  if (code === 'unauthorized_client') {
    return [
      error(s.credentialFields, `${s.name}: the client is not allowed to use the authorization-code grant (${said})`, {
        code: 'grant-not-allowed',
        stage: 'semantic',
        hint: 'enable the "authorization code" / standard flow for this client at the provider',
      }),
    ];
  }
  if (code === 'redirect_uri_mismatch' || (code === 'invalid_request' && /redirect/i.test(description ?? ''))) {
    return [
      error(s.endpointFields, `${s.name}: the provider rejected Quay's redirect URI (${said})`, {
        code: 'redirect-uri-rejected',
        stage: 'semantic',
        hint: s.redirectUri ? `register ${s.redirectUri} as a redirect URI of this client` : undefined,
      }),
    ];
  }
  if (res.status >= 200 && res.status < 300) {
    return [warning(s.credentialFields, `${s.name}: the provider accepted a made-up authorization code; the credentials could not be tested`, { code: 'credentials-unconfirmed', stage: 'semantic' })];
  }
  if (code !== undefined) {
    // An OAuth error we cannot map: the client may be fine; show the provider's words.
    return [warning(s.credentialFields, `${s.name}: could not confirm the client credentials, the provider answered ${said}`, { code: 'credentials-unconfirmed', stage: 'semantic' })];
  }
  return [
    error(s.endpointFields, `${s.name}: unexpected answer from the token endpoint ${displayUrl(s.tokenUrl)} (${said})`, {
      code: 'unexpected-response',
      stage: 'semantic',
      hint: 'is this the right endpoint? an OAuth token endpoint answers errors as JSON',
    }),
  ];
}

function describeAnswer(res: ProbeHttpResponse, code: string | undefined, description: string | undefined): string {
  if (code) return `HTTP ${res.status} ${code}${description ? `: ${serviceWords(description)}` : ''}`;
  return `HTTP ${res.status}${res.json === undefined && res.body ? `, not JSON: ${firstLine(res.body).slice(0, 80)}` : ''}`;
}

/** `application/x-www-form-urlencoded` body. */
export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

/** Quay's redirect URI for a login service: `<scheme>://<SERVER_HOSTNAME>/oauth2/<id>/callback<suffix>`. */
export function quayRedirectUri(config: Record<string, unknown>, serviceId: string, suffix = ''): string {
  const scheme = typeof config.PREFERRED_URL_SCHEME === 'string' && config.PREFERRED_URL_SCHEME ? config.PREFERRED_URL_SCHEME : 'http';
  const host = typeof config.SERVER_HOSTNAME === 'string' && config.SERVER_HOSTNAME ? config.SERVER_HOSTNAME.trim() : 'localhost';
  return `${scheme}://${host}/oauth2/${serviceId}/callback${suffix}`;
}
