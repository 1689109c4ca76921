import { isObject, truthy } from '../config/values';
import type { OidcTarget } from '../probes/oidc';
import { quayRedirectUri } from '../probes/oauth-token';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { checkLoginBindingField, isHttpUrl, optionalBoolean, optionalString, optionalStringList, requireString, typeFinding } from './value-checks';

/**
 * Offline rules for one OIDC provider block `<ID>_LOGIN_CONFIG`, read by Quay's oauth/oidc.py.
 * The JSON schema does not describe these blocks, so wrong types are reported here.
 */

/** Prefixes Quay refuses at start-up: "Cannot use reserved config name" (oauth/loginmanager.py). */
const RESERVED_PREFIXES = ['ldap', 'jwt', 'keystone'];

/**
 * Quay computes the reserved-name check with `key.rstrip("_LOGIN_CONFIG")`, which strips trailing
 * *characters* of that set, not the suffix; reproduced so `JWTC_LOGIN_CONFIG` is caught like Quay does.
 */
export function quayReservedPrefix(key: string): string | undefined {
  const stripped = key.replace(/[_LOGINCF]+$/, '').toLowerCase();
  return RESERVED_PREFIXES.includes(stripped) ? stripped : undefined;
}

/** Whether a provider value can be probed (an object under a name Quay accepts). */
export function isUsableProvider(key: string, value: unknown): value is Record<string, unknown> {
  return isObject(value) && quayReservedPrefix(key) === undefined;
}

/** Every rule for one provider; `value` is the raw config value. */
export function providerRules(key: string, value: unknown): Finding[] {
  if (value !== null && value !== undefined && !isObject(value)) {
    return [error(key, `${key} must be an object with OIDC_SERVER, CLIENT_ID, CLIENT_SECRET and SERVICE_NAME`, { code: 'not-an-object' })];
  }
  const reserved = quayReservedPrefix(key);
  if (reserved !== undefined) {
    return [
      error(key, `${key} uses the reserved provider name "${reserved}": Quay refuses to start ("Cannot use reserved config name")`, {
        code: 'reserved-name',
        hint: 'rename the key, e.g. MYSSO_LOGIN_CONFIG',
      }),
    ];
  }
  // Quay reads a null block as an empty one (`config.get(key) or {}`).
  const cfg = isObject(value) ? value : {};
  const pkce = truthy(cfg.PUBLIC_CLIENT);
  return [
    ...serverRules(key, cfg),
    ...requireString(cfg, 'CLIENT_ID', `${key}.CLIENT_ID`, { reportType: true }),
    ...(pkce ? optionalString(cfg, 'CLIENT_SECRET', `${key}.CLIENT_SECRET`) : requireString(cfg, 'CLIENT_SECRET', `${key}.CLIENT_SECRET`, { reportType: true })),
    ...serviceNameRules(key, cfg),
    ...scopeRules(key, cfg),
    ...checkLoginBindingField(cfg, key),
    ...optionalFieldRules(key, cfg),
  ];
}

/**
 * OIDC_SERVER: an https URL (http only with DEBUGGING, legacy rule "OIDC server must be accessed over
 * SSL"); a URL with a path must end with `/`, because Quay's urljoin would otherwise drop the last
 * segment (`…/realms/quay` → `…/realms/.well-known/…`). A bare host needs no slash (config-tool
 * demanded one everywhere).
 */
function serverRules(key: string, cfg: Record<string, unknown>): Finding[] {
  const path = `${key}.OIDC_SERVER`;
  const missing = requireString(cfg, 'OIDC_SERVER', path, { reportType: true });
  if (missing.length > 0) return missing;
  const server = typeof cfg.OIDC_SERVER === 'string' ? cfg.OIDC_SERVER.trim() : '';
  if (!isHttpUrl(server)) return [error(path, `${path} must be an https:// URL, got "${server}"`, { code: 'invalid-url' })];
  const u = new URL(server);
  const findings: Finding[] = [];
  if (u.protocol === 'http:' && !truthy(cfg.DEBUGGING)) {
    findings.push(
      error(path, `${path} must use https:// (Quay refuses "OIDC server must be accessed over SSL")`, {
        code: 'https-required',
        hint: `use https://, or set ${key}.DEBUGGING: true for a test provider`,
      }),
    );
  }
  if (u.pathname !== '/' && !u.pathname.endsWith('/')) {
    findings.push(
      error(path, `${path} must end with "/": Quay would look for the discovery document at ${new URL('.well-known/openid-configuration', server).toString()}`, {
        code: 'trailing-slash-required',
        hint: `use ${server}/`,
      }),
    );
  }
  if (u.search || u.hash) findings.push(error(path, `${path} must not contain a query or fragment`, { code: 'invalid-url' }));
  return findings;
}

/** Quay falls back to the service id for the login button label, so a missing name is only a warning. */
function serviceNameRules(key: string, cfg: Record<string, unknown>): Finding[] {
  const path = `${key}.SERVICE_NAME`;
  const v = cfg.SERVICE_NAME;
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    const id = key.slice(0, key.indexOf('_')).toLowerCase();
    return [warning(path, `${path} is not set: the login button will read "${id}"`, { code: 'service-name-missing', hint: 'set SERVICE_NAME to the name users know the provider by' })];
  }
  return typeof v === 'string' ? [] : [typeFinding(path, 'a string')];
}

/** LOGIN_SCOPES: a list of strings; without `openid` the provider returns no ID token and login fails. */
function scopeRules(key: string, cfg: Record<string, unknown>): Finding[] {
  const path = `${key}.LOGIN_SCOPES`;
  const typed = optionalStringList(cfg, 'LOGIN_SCOPES', path);
  if (typed.length > 0) return typed;
  const scopes = Array.isArray(cfg.LOGIN_SCOPES) ? cfg.LOGIN_SCOPES : [];
  if (scopes.length === 0 || scopes.includes('openid')) return [];
  return [
    warning(path, `${path} does not include "openid": the provider will not return the ID token Quay needs ("Missing id_token in OIDC response")`, {
      code: 'openid-scope-missing',
      hint: 'add openid to LOGIN_SCOPES',
    }),
  ];
}

/** Types of the optional keys Quay reads from a provider block. */
function optionalFieldRules(key: string, cfg: Record<string, unknown>): Finding[] {
  const p = (k: string) => `${key}.${k}`;
  const findings: Finding[] = [
    ...['SERVICE_ICON', 'VERIFIED_EMAIL_CLAIM_NAME', 'PREFERRED_USERNAME_CLAIM_NAME', 'PREFERRED_GROUP_CLAIM_NAME', 'OIDC_ISSUER'].flatMap((k) => optionalString(cfg, k, p(k))),
    ...['DEBUGGING', 'PUBLIC_CLIENT', 'USE_PKCE'].flatMap((k) => optionalBoolean(cfg, k, p(k))),
    ...optionalStringList(cfg, 'OIDC_ISSUERS', p('OIDC_ISSUERS'), true),
    ...optionalStringList(cfg, 'OIDC_AUDIENCES', p('OIDC_AUDIENCES')),
    ...optionalStringList(cfg, 'OIDC_ALLOWED_CLIENTS', p('OIDC_ALLOWED_CLIENTS')),
  ];
  const method = cfg.PKCE_METHOD;
  if (method !== undefined && method !== null && method !== 'S256' && method !== 'plain') {
    findings.push(error(p('PKCE_METHOD'), `${p('PKCE_METHOD')} must be S256 or plain, got ${JSON.stringify(method)}`, { code: 'invalid-value' }));
  }
  const custom = cfg.OIDC_ENDPOINT_CUSTOM_PARAMS;
  if (custom !== undefined && custom !== null && !isObject(custom)) findings.push(typeFinding(p('OIDC_ENDPOINT_CUSTOM_PARAMS'), 'an object'));
  if (truthy(cfg.DEBUGGING)) {
    findings.push(
      warning(p('DEBUGGING'), `${p('DEBUGGING')} is on: Quay skips TLS verification for this provider and allows http://`, {
        code: 'debugging-enabled',
        hint: 'turn DEBUGGING off outside test setups',
      }),
    );
  }
  return findings;
}

/** The providers of a config, in config order: every `*_LOGIN_CONFIG` key but GitHub's and Google's. */
export function listProviders(config: Record<string, unknown>): { key: string; id: string; value: unknown }[] {
  return Object.keys(config)
    .filter((k) => k.endsWith('_LOGIN_CONFIG') && k !== 'GITHUB_LOGIN_CONFIG' && k !== 'GOOGLE_LOGIN_CONFIG')
    .map((key) => ({ key, id: key.slice(0, key.indexOf('_')).toLowerCase(), value: config[key] }));
}

/** One `<ID>_LOGIN_CONFIG` provider: its key, Quay's service id and its (object) config. */
export interface OidcProvider {
  key: string;
  /** Text before the first `_`, lower-cased: Quay's service id, used in the redirect URI. */
  id: string;
  cfg: Record<string, unknown>;
}

/** Providers that can be probed. */
export function usableProviders(config: Record<string, unknown>): OidcProvider[] {
  return listProviders(config).flatMap(({ key, id, value }) => (isUsableProvider(key, value) ? [{ key, id, cfg: value }] : []));
}

/** What the OIDC probe needs of one usable provider (and of the config around it). */
export function oidcTarget(config: Record<string, unknown>, p: OidcProvider): OidcTarget {
  const { cfg } = p;
  return {
    key: p.key,
    server: typeof cfg.OIDC_SERVER === 'string' ? cfg.OIDC_SERVER.trim() : '',
    verify: !truthy(cfg.DEBUGGING),
    clientId: typeof cfg.CLIENT_ID === 'string' ? cfg.CLIENT_ID.trim() : '',
    clientSecret: typeof cfg.CLIENT_SECRET === 'string' ? cfg.CLIENT_SECRET : '',
    publicClient: truthy(cfg.PUBLIC_CLIENT),
    issuerOverridden: cfg.OIDC_ISSUER !== undefined || cfg.OIDC_ISSUERS !== undefined,
    loginScopes: Array.isArray(cfg.LOGIN_SCOPES) ? cfg.LOGIN_SCOPES.filter((s): s is string => typeof s === 'string') : [],
    mailing: truthy(config.FEATURE_MAILING),
    redirectUri: quayRedirectUri(config, p.id),
  };
}
