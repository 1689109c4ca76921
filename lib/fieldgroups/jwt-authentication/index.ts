import { nonEmpty, str, type ConfigMap } from '../../config/values';
import { probeJwtGetUser, probeJwtQuery, probeJwtVerify, type JwtAuthTarget } from '../../probes/jwt-auth';
import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import { defineFieldGroup, type Probe } from '../define';
import { parseJwtPublicKey } from './public-key';

/** Quay reads the verification key from this bundle file (ExternalJWTAuthN.PUBLIC_KEY_FILENAME). */
export const JWT_KEY_FILE = 'jwt-authn.cert';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const SCHEMA_URL = /^http(s)?:\/\/(.)+$/;

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

/**
 * An endpoint URL; required (with `why` in the message) when `why` is given. Other schemes and
 * empty strings fail the schema's pattern (^http(s)?://(.)+$); what passes it must still parse.
 */
function endpoint(c: ConfigMap, key: string, why?: string): Finding[] {
  const v = c[key];
  if (v === undefined || v === null) return why ? [required(key, why)] : [];
  if (typeof v !== 'string' || !SCHEMA_URL.test(v)) return [];
  const u = parseUrl(v);
  if (!u || u.hostname === '') return [error(key, `${key} "${v}" is not a valid URL`, { code: 'invalid-url' })];
  if (key === 'JWT_VERIFY_ENDPOINT' && u.protocol === 'http:' && !LOCAL_HOSTS.has(u.hostname) && !u.hostname.startsWith('127.')) {
    return [warning(key, `${key} uses http:// to ${u.hostname}: every user's password is sent there in clear text (HTTP Basic)`, { code: 'jwt-cleartext' })];
  }
  return [];
}

function keyFile(files: BundleFiles): Finding[] {
  const bytes = files.get(JWT_KEY_FILE);
  if (!bytes) {
    return [
      error(JWT_KEY_FILE, `JWT Authentication public key file "${JWT_KEY_FILE}" not found in the bundle: Quay will not start`, {
        code: 'jwt-key-missing',
        hint: 'add the public key (PEM) of the key your JWT server signs tokens with, as jwt-authn.cert',
      }),
    ];
  }
  const parsed = parseJwtPublicKey(bytes);
  return 'problem' in parsed ? [error(JWT_KEY_FILE, parsed.problem.message, { code: parsed.problem.code, ...(parsed.problem.hint ? { hint: parsed.problem.hint } : {}) })] : [];
}

function jwtRules(c: ConfigMap, files: BundleFiles): Finding[] {
  const findings = [...endpoint(c, 'JWT_VERIFY_ENDPOINT', '(Missing JWT Verification endpoint)'), ...endpoint(c, 'JWT_QUERY_ENDPOINT'), ...endpoint(c, 'JWT_GETUSER_ENDPOINT')];
  if (c.JWT_GETUSER_ENDPOINT === undefined || c.JWT_GETUSER_ENDPOINT === null) {
    // ExternalJWTAuthN.ping() GETs the getuser endpoint: Quay's health check of auth needs it.
    findings.push(
      warning('JWT_GETUSER_ENDPOINT', "JWT_GETUSER_ENDPOINT is not set: Quay's health check of the authentication backend and user lookups (e.g. adding users to teams) will fail", {
        code: 'jwt-getuser-missing',
      }),
    );
  }
  // Any string: the upstream schema's URL pattern for the issuer was wrong (config-tool accepted "one").
  if (c.JWT_AUTH_ISSUER === undefined || c.JWT_AUTH_ISSUER === null || str(c, 'JWT_AUTH_ISSUER')?.trim() === '') {
    findings.push(required('JWT_AUTH_ISSUER', '(Missing JWT Issuer ID: the "iss" of the tokens your JWT server issues)'));
  }
  return [...findings, ...keyFile(files)];
}

function jwtProbes(c: ConfigMap, files: BundleFiles): Probe[] {
  const verifyUrl = nonEmpty(c, 'JWT_VERIFY_ENDPOINT');
  const issuer = nonEmpty(c, 'JWT_AUTH_ISSUER');
  if (!verifyUrl || !issuer) return [];
  const bytes = files.get(JWT_KEY_FILE);
  const parsed = bytes ? parseJwtPublicKey(bytes) : undefined;
  const key = parsed && 'key' in parsed ? parsed.key : undefined;
  const fresh = c.JWT_AUTH_MAX_FRESH_S;
  const t: JwtAuthTarget = { verifyUrl: verifyUrl.trim(), issuer, maxFreshS: typeof fresh === 'number' && fresh > 0 ? fresh : 300, ...(key ? { key } : {}) };
  const probes: Probe[] = [{ name: `JWT verify endpoint ${t.verifyUrl}`, fields: ['JWT_VERIFY_ENDPOINT'], run: (ctx) => probeJwtVerify(t, ctx) }];
  const getuserUrl = nonEmpty(c, 'JWT_GETUSER_ENDPOINT')?.trim();
  if (getuserUrl) probes.push({ name: `JWT getuser endpoint ${getuserUrl}`, fields: ['JWT_GETUSER_ENDPOINT'], run: (ctx) => probeJwtGetUser({ ...t, getuserUrl }, ctx) });
  const queryUrl = nonEmpty(c, 'JWT_QUERY_ENDPOINT')?.trim();
  if (queryUrl && key) {
    probes.push({ name: `JWT query endpoint ${queryUrl}`, fields: ['JWT_QUERY_ENDPOINT', 'JWT_AUTH_ISSUER', JWT_KEY_FILE], run: (ctx) => probeJwtQuery({ ...t, queryUrl, key }, ctx) });
  }
  return probes;
}

/** External JWT authentication (AUTHENTICATION_TYPE: JWT): endpoints, issuer and the verification key. */
export const jwtAuthentication = defineFieldGroup({
  id: 'JWTAuthentication',
  title: 'JWT authentication',
  keys: ['JWT_AUTH_ISSUER', 'JWT_VERIFY_ENDPOINT', 'JWT_QUERY_ENDPOINT', 'JWT_GETUSER_ENDPOINT', 'JWT_AUTH_MAX_FRESH_S'],
  skipReason: ({ config }) => (config.AUTHENTICATION_TYPE === 'JWT' ? null : 'AUTHENTICATION_TYPE is not JWT'),
  rules: ({ config, files }) => jwtRules(config, files),
  probes: ({ config, files }) => jwtProbes(config, files),
});
