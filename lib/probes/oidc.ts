import { isObject } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import type { ProbeContext } from './context';
import { basicAuth } from './http';
import { attempt, BOGUS_CODE, displayUrl, exchangeFindings, form, FORM_HEADERS, isFinding, trackStages } from './oauth-token';

/**
 * OIDC provider check, in three rungs an administrator can tell apart (quay-operator#1032):
 * discovery (`<OIDC_SERVER>/.well-known/openid-configuration`, issuer, token endpoint, scopes),
 * then the client credentials (a bogus-code exchange with Quay's real redirect URI), each failure
 * attached to the key it is about. Connection failures keep their dns/tcp/tls/timeout stage.
 */

/** One `<ID>_LOGIN_CONFIG` provider whose offline rules passed, as the OIDC group reads it. */
export interface OidcTarget {
  key: string;
  /** `OIDC_SERVER` (trimmed), `''` when it is not a string. */
  server: string;
  /** Quay verifies the provider's certificate unless DEBUGGING is set (oauth/oidc.py). */
  verify: boolean;
  /** `CLIENT_ID` (trimmed) and `CLIENT_SECRET` (as is), `''` when not a string. */
  clientId: string;
  clientSecret: string;
  /** `PUBLIC_CLIENT`: a PKCE client without a secret. */
  publicClient: boolean;
  /** `OIDC_ISSUER` or `OIDC_ISSUERS` is set: the issuer is deliberately not the server. */
  issuerOverridden: boolean;
  /** The string entries of `LOGIN_SCOPES` (empty when unset). */
  loginScopes: string[];
  /** The top-level FEATURE_MAILING: Quay then asks for the `email` scope by default. */
  mailing: boolean;
  /** Quay's redirect URI for this provider (`<scheme>://<SERVER_HOSTNAME>/oauth2/<id>/callback`). */
  redirectUri: string;
}

/** A PKCE verifier of legal length, for public clients (RFC 7636 §4.1). */
const BOGUS_VERIFIER = 'quay-config-validation-pkce-verifier-0123456789abcdef';

/** Discovery, then the client credentials, of one provider whose offline rules passed. */
export async function probeOidc(p: OidcTarget, ctx: ProbeContext): Promise<Finding[]> {
  const serverField = `${p.key}.OIDC_SERVER`;
  const credentialFields = [`${p.key}.CLIENT_ID`, `${p.key}.CLIENT_SECRET`];
  const name = `OIDC provider ${p.key}`;
  const tracked = trackStages(ctx);
  const { server, verify } = p;
  // Quay resolves the document with urljoin(OIDC_SERVER, ".well-known/…"), as URL does here.
  const discoveryUrl = new URL('.well-known/openid-configuration', server).toString();
  const res = await attempt(discoveryUrl, { verify }, tracked, [serverField]);
  if (isFinding(res)) return [res];
  if (res.status < 200 || res.status >= 300) {
    return [
      error(serverField, `${name}: OIDC discovery failed: GET ${displayUrl(discoveryUrl)} answered HTTP ${res.status}`, {
        code: 'discovery-failed',
        stage: 'semantic',
        hint: 'OIDC_SERVER must be the issuer URL with a trailing slash, e.g. https://sso.example.com/realms/quay/',
      }),
    ];
  }
  const d = res.json;
  if (!isObject(d)) {
    return [error(serverField, `${name}: ${displayUrl(discoveryUrl)} is not an OIDC discovery document (not a JSON object)`, { code: 'discovery-invalid', stage: 'semantic' })];
  }
  const findings = [...issuerFindings(p, d, server, name), ...scopeFindings(p, d, name)];
  const tokenUrl = typeof d.token_endpoint === 'string' ? d.token_endpoint : '';
  if (!/^https?:\/\//i.test(tokenUrl)) {
    return [...findings, error(serverField, `${name}: the discovery document has no usable token_endpoint`, { code: 'token-endpoint-missing', stage: 'semantic' })];
  }
  const methods = Array.isArray(d.token_endpoint_auth_methods_supported) ? d.token_endpoint_auth_methods_supported.filter((m): m is string => typeof m === 'string') : undefined;
  const { redirectUri } = p;
  const exchange = tokenRequest(p, methods, redirectUri);
  findings.push(...exchange.findings);
  const answer = await attempt(tokenUrl, { method: 'POST', headers: exchange.headers, body: exchange.body, verify }, tracked, [serverField]);
  if (isFinding(answer)) return [...findings, answer];
  return [...findings, ...exchangeFindings(answer, { name, credentialFields, endpointFields: [serverField], tokenUrl, redirectUri })];
}

/**
 * The discovery document's issuer must be the configured server (trailing slash aside): Quay
 * checks ID tokens against the document's issuer, and an OIDC_SERVER that is not the issuer means
 * the wrong realm/tenant. OIDC_ISSUER(S) deliberately override the issuer, so no check then.
 */
function issuerFindings(p: OidcTarget, d: Record<string, unknown>, server: string, name: string): Finding[] {
  if (p.issuerOverridden) return [];
  const field = `${p.key}.OIDC_SERVER`;
  if (typeof d.issuer !== 'string') {
    return [warning(field, `${name}: the discovery document has no issuer; Quay will expect ID tokens issued by ${server}`, { code: 'issuer-missing', stage: 'semantic' })];
  }
  const norm = (s: string) => s.trim().replace(/\/+$/, '');
  if (norm(d.issuer) === norm(server)) return [];
  return [
    error(field, `${name}: the provider's issuer is ${d.issuer}, not ${p.key}.OIDC_SERVER (${server})`, {
      code: 'issuer-mismatch',
      stage: 'semantic',
      hint: `set OIDC_SERVER to ${norm(d.issuer)}/ (or OIDC_ISSUER if the provider really issues tokens under another name)`,
    }),
  ];
}

/**
 * Quay logs in with LOGIN_SCOPES ∩ scopes_supported (defaults: openid, profile when there is a
 * userinfo endpoint, email with FEATURE_MAILING); an empty intersection fails the legacy check.
 */
function scopeFindings(p: OidcTarget, d: Record<string, unknown>, name: string): Finding[] {
  const field = `${p.key}.LOGIN_SCOPES`;
  const supported = Array.isArray(d.scopes_supported) ? d.scopes_supported.filter((s): s is string => typeof s === 'string') : undefined;
  const defaults = ['openid', ...(d.userinfo_endpoint ? ['profile'] : []), ...(p.mailing ? ['email'] : [])];
  const effective = supported ?? defaults;
  const configured = p.loginScopes;
  const login = configured.length > 0 ? configured : effective;
  const kept = login.filter((s) => effective.includes(s));
  if (kept.length === 0) {
    return [
      warning(field, `${name}: none of the login scopes (${login.join(', ') || 'none'}) is supported by the provider (${effective.join(', ') || 'none'})`, {
        code: 'no-supported-scopes',
        stage: 'semantic',
        hint: 'include openid in LOGIN_SCOPES',
      }),
    ];
  }
  const dropped = supported && configured.length > 0 ? configured.filter((s) => !supported.includes(s)) : [];
  return dropped.length === 0
    ? []
    : [warning(field, `${name}: Quay drops the scopes the provider does not list in scopes_supported: ${dropped.join(', ')}`, { code: 'scopes-dropped', stage: 'semantic' })];
}

/**
 * The bogus-code exchange. Client authentication follows the provider's
 * `token_endpoint_auth_methods_supported` (client_secret_basic, the default, else _post); Quay
 * itself sends the secret in the body, so a provider that does not list _post gets a warning.
 */
function tokenRequest(p: OidcTarget, methods: string[] | undefined, redirectUri: string): { headers: Record<string, string>; body: string; findings: Finding[] } {
  const { clientId, clientSecret: secret } = p;
  const fields: Record<string, string> = { grant_type: 'authorization_code', code: BOGUS_CODE, redirect_uri: redirectUri };
  if (p.publicClient) {
    // A public (PKCE) client has no secret: Quay sends client_id and the code verifier only.
    return { headers: FORM_HEADERS, body: form({ ...fields, client_id: clientId, code_verifier: BOGUS_VERIFIER }), findings: [] };
  }
  const findings: Finding[] = [];
  if (methods && !methods.includes('client_secret_post')) {
    findings.push(
      warning(
        `${p.key}.CLIENT_SECRET`,
        `OIDC provider ${p.key}: the provider does not list client_secret_post (${methods.join(', ') || 'nothing'}) in token_endpoint_auth_methods_supported, but Quay sends CLIENT_SECRET in the request body`,
        {
          code: 'client-auth-method',
          stage: 'semantic',
          hint: 'allow client_secret_post for this client at the provider',
        },
      ),
    );
  }
  if (!methods || methods.includes('client_secret_basic')) {
    // RFC 6749 §2.3.1: id and secret are form-encoded before going into the Basic header.
    const authorization = basicAuth(encodeURIComponent(clientId), encodeURIComponent(secret));
    return { headers: { ...FORM_HEADERS, authorization }, body: form(fields), findings };
  }
  return { headers: FORM_HEADERS, body: form({ ...fields, client_id: clientId, client_secret: secret }), findings };
}
