import { randomBytes, type KeyObject } from 'node:crypto';
import type { errors as JoseErrors } from 'jose';
import { isObject } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { basicAuth, probeHttp, type ProbeHttpResponse } from './http';
import { networkFinding } from './net';

/**
 * Live checks of Quay's external JWT authentication contract (data/users/externaljwt.py). Quay calls
 * the endpoints with GET: verify with HTTP Basic user:password, getuser (`?username=`) and query
 * (`?query=&limit=`) without credentials; each answers 200 `{"token": <JWT>}`, the JWT signed RS256
 * with the key of `jwt-authn.cert`, `iss` = JWT_AUTH_ISSUER, `aud` = quay.io/jwtauthn[/getuser|/query],
 * with nbf/iat/exp and a lifetime of at most JWT_AUTH_MAX_FRESH_S.
 *
 * Without a real user's password, what is proven is:
 * - verify: the endpoint is reachable (dns/tcp/tls, trusted) and refuses made-up credentials with a 4xx;
 * - getuser: it answers an unauthenticated, parameterless GET with a 4xx, which is Quay's own health
 *   check (`ping`), as in the legacy validator;
 * - query: a search for a random string returns a token that verifies with `jwt-authn.cert`, with
 *   the right issuer, audience and lifetime: that proves the key file and JWT_AUTH_ISSUER match the
 *   server (assuming it signs every endpoint with the same key).
 * Not proven: that a real user can log in through the verify endpoint.
 */

/** The JWT keys, read from the config; `key` is absent when jwt-authn.cert is missing or unusable. */
export interface JwtAuthTarget {
  verifyUrl: string;
  getuserUrl?: string;
  queryUrl?: string;
  issuer: string;
  maxFreshS: number;
  key?: KeyObject;
}

type Check = (ctx: ProbeContext) => Promise<Finding[]>;

/** Runs `check` with stage tracking; connection-level failures become findings on `field`. */
async function guarded(field: string, url: string, ctx: ProbeContext, check: Check): Promise<Finding[]> {
  let stage: Stage = 'config';
  const tracked: ProbeContext = {
    ...ctx,
    enter: (s) => {
      stage = s;
      ctx.enter(s);
    },
  };
  try {
    return await check(tracked);
  } catch (e) {
    return [networkFinding(e, [field], `${field} ${url}`, tracked, stage)];
  }
}

/** Statuses other than the expected ones, in the words Quay's behaviour gives them. */
function unexpected(field: string, url: string, res: ProbeHttpResponse, expected: string): Finding {
  if (res.status >= 300 && res.status < 400) {
    return warning(field, `${field} ${url} answered with a redirect (HTTP ${res.status}${res.headers.location ? ` to ${res.headers.location}` : ''}) instead of ${expected}`, {
      code: 'jwt-endpoint-redirect',
      stage: 'semantic',
      hint: `set ${field} to the final URL`,
    });
  }
  return error(field, `${field} ${url} answered HTTP ${res.status} instead of ${expected}`, {
    code: res.status >= 500 ? 'jwt-endpoint-error' : 'jwt-unexpected-status',
    stage: 'semantic',
  });
}

/** The verify endpoint must refuse made-up credentials (Quay logs in anyone it returns a valid token for). */
export function probeJwtVerify(t: JwtAuthTarget, ctx: ProbeContext): Promise<Finding[]> {
  const field = 'JWT_VERIFY_ENDPOINT';
  return guarded(field, t.verifyUrl, ctx, async (c) => {
    const user = `quay-config-probe-${randomBytes(6).toString('hex')}`;
    const res = await probeHttp(t.verifyUrl, { headers: { authorization: basicAuth(user, randomBytes(18).toString('base64url')) } }, c);
    if (res.status >= 400 && res.status < 500) return [];
    if (res.status >= 200 && res.status < 300) {
      return [
        error(field, `${field} ${t.verifyUrl} accepted made-up credentials (HTTP ${res.status}): it must refuse unknown users with a 4xx`, {
          code: 'jwt-accepts-bogus-credentials',
          stage: 'auth',
        }),
      ];
    }
    return [unexpected(field, t.verifyUrl, res, 'a 4xx for made-up credentials')];
  });
}

/** Quay's health check (`ExternalJWTAuthN.ping`): an unauthenticated GET of the getuser endpoint must be a 4xx. */
export function probeJwtGetUser(t: JwtAuthTarget & { getuserUrl: string }, ctx: ProbeContext): Promise<Finding[]> {
  const field = 'JWT_GETUSER_ENDPOINT';
  return guarded(field, t.getuserUrl, ctx, async (c) => {
    const res = await probeHttp(t.getuserUrl, {}, c);
    if (res.status >= 400 && res.status < 500) return [];
    return [unexpected(field, t.getuserUrl, res, "the 4xx Quay's health check expects for a request without credentials")];
  });
}

/** A user search for a random string, whose token is verified exactly as Quay would verify it. */
export function probeJwtQuery(t: JwtAuthTarget & { queryUrl: string; key: KeyObject }, ctx: ProbeContext): Promise<Finding[]> {
  const field = 'JWT_QUERY_ENDPOINT';
  return guarded(field, t.queryUrl, ctx, async (c) => {
    const url = new URL(t.queryUrl);
    url.searchParams.set('query', `qcprobe${randomBytes(6).toString('hex')}`);
    url.searchParams.set('limit', '1');
    const res = await probeHttp(url.toString(), {}, c);
    if (res.status !== 200) {
      return [warning(field, `${field} ${t.queryUrl} answered HTTP ${res.status} to a user search: user search in Quay would fail`, { code: 'jwt-query-failed', stage: 'semantic' })];
    }
    const token = isObject(res.json) && typeof res.json.token === 'string' ? res.json.token : undefined;
    if (!token) return [error(field, `${field} ${t.queryUrl} answered 200 without a JSON "token"`, { code: 'jwt-bad-response', stage: 'semantic' })];
    return verifyToken(token, t, 'quay.io/jwtauthn/query', field);
  });
}

async function verifyToken(token: string, t: JwtAuthTarget & { key: KeyObject }, audience: string, field: string): Promise<Finding[]> {
  const at = { stage: 'semantic' as const };
  // Loaded here, not at the top: an offline validation never needs jose.
  const { errors: joseErrors, jwtVerify } = await import('jose');
  try {
    const { payload } = await jwtVerify(token, t.key, {
      algorithms: ['RS256'],
      issuer: t.issuer,
      audience,
      requiredClaims: ['nbf', 'iat', 'exp'],
      clockTolerance: 5,
    });
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    if (lifetime > t.maxFreshS) {
      return [
        error([field, 'JWT_AUTH_MAX_FRESH_S'], `tokens from ${field} live ${lifetime} s, more than the ${t.maxFreshS} s Quay accepts (JWT_AUTH_MAX_FRESH_S)`, {
          code: 'jwt-token-too-long-lived',
          ...at,
        }),
      ];
    }
    return Array.isArray(payload.results) ? [] : [error(field, `the token from ${field} has no "results" list`, { code: 'jwt-bad-response', ...at })];
  } catch (e) {
    return [tokenFinding(e, joseErrors, t, audience, field)];
  }
}

function tokenFinding(e: unknown, joseErrors: typeof JoseErrors, t: JwtAuthTarget, audience: string, field: string): Finding {
  const at = { stage: 'semantic' as const };
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) {
    return error('jwt-authn.cert', `the token from ${field} is not signed by the key in jwt-authn.cert`, {
      code: 'jwt-signature-mismatch',
      ...at,
      hint: 'put the public key of the key the JWT server signs with into jwt-authn.cert',
    });
  }
  if (e instanceof joseErrors.JOSEAlgNotAllowed) {
    return error(field, `the token from ${field} is not signed with RS256, the only algorithm Quay accepts`, { code: 'jwt-algorithm-not-allowed', ...at });
  }
  if (e instanceof joseErrors.JWTExpired) {
    return error(field, `the token from ${field} is already expired: is the JWT server's clock right?`, { code: 'jwt-token-expired', ...at });
  }
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    const actual = isObject(e.payload) ? e.payload[e.claim] : undefined;
    if (e.claim === 'iss' && e.reason !== 'missing') {
      return error('JWT_AUTH_ISSUER', `the token from ${field} has issuer ${JSON.stringify(actual)} but JWT_AUTH_ISSUER is ${JSON.stringify(t.issuer)}`, { code: 'jwt-issuer-mismatch', ...at });
    }
    if (e.claim === 'aud' && e.reason !== 'missing') {
      return error(field, `the token from ${field} has audience ${JSON.stringify(actual)}, Quay expects "${audience}"`, { code: 'jwt-audience-mismatch', ...at });
    }
    return error(field, `the token from ${field} fails Quay's checks: claim "${e.claim}" ${e.reason === 'missing' ? 'is missing' : 'is invalid'}`, { code: 'jwt-claims-invalid', ...at });
  }
  return error(field, `the token from ${field} cannot be read: ${e instanceof Error ? e.message : String(e)}`, { code: 'jwt-token-invalid', ...at });
}
