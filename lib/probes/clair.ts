import { error } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { probeHttp, serviceWords } from './http';
import { networkFinding } from './net';

/**
 * Live checks of the security scanner. Clair v4: the request Quay itself makes first
 * (`GET /indexer/api/v1/index_state`, util/secscan/v4/api.py), signed as Quay signs it: HS256 with
 * the base64-decoded PSK, claims `iss: "quay"` and `exp` = now + 5 min. Clair v2: reachability.
 */

/** Path of Clair v4's index state API (Clair's openapi `IndexState`). */
export const INDEX_STATE_PATH = '/indexer/api/v1/index_state';

/**
 * The URL Quay calls. Quay uses `urljoin(endpoint, "/indexer/…")`, so an absolute path replaces
 * any path in the endpoint; `new URL(path, base)` resolves the same way.
 */
export function indexStateUrl(endpoint: string): string {
  return new URL(INDEX_STATE_PATH, endpoint).toString();
}

/** A JWT exactly like Quay's for Clair v4 (PyJWT: header `{alg: HS256, typ: JWT}`, claims iss + exp). */
export async function signQuayJwt(psk: Uint8Array, now: Date = new Date()): Promise<string> {
  // Loaded here, not at the top: an offline validation never needs jose.
  const { SignJWT } = await import('jose');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('quay')
    .setExpirationTime(Math.floor(now.getTime() / 1000) + 300)
    .sign(psk);
}

export interface ClairV4Target {
  /** `SECURITY_SCANNER_V4_ENDPOINT`. */
  endpoint: string;
  /** The decoded PSK; undefined or empty when Quay would not sign (no PSK configured). */
  psk?: Uint8Array;
  /** Keys the findings are attached to. */
  fields: string[];
}

/** Follows the rungs reached, so a failure names the one that broke. */
function tracked(ctx: ProbeContext): { ctx: ProbeContext; stage: () => Stage } {
  let current: Stage = 'config';
  return {
    ctx: { ...ctx, enter: (s) => ((current = s), ctx.enter(s)) },
    stage: () => current,
  };
}

/** Clair v4: unreachable (dns/tcp), TLS, PSK rejected (auth), or not a Clair v4 indexer (semantic). */
export async function probeClairV4(target: ClairV4Target, parent: ProbeContext): Promise<Finding[]> {
  const { ctx, stage } = tracked(parent);
  const url = indexStateUrl(target.endpoint);
  const where = `Clair at ${url}`;
  const signed = target.psk !== undefined && target.psk.length > 0;
  const headers: Record<string, string> = signed && target.psk ? { authorization: `Bearer ${await signQuayJwt(target.psk)}` } : {};
  let res;
  try {
    res = await probeHttp(url, { method: 'GET', headers }, ctx);
  } catch (e) {
    return [networkFinding(e, target.fields, where, ctx, stage())];
  }
  if (res.status === 401 || res.status === 403) {
    return [
      signed
        ? error(target.fields, `${where} rejected Quay's token signed with SECURITY_SCANNER_V4_PSK (HTTP ${res.status})`, {
            code: 'psk-rejected',
            stage: 'auth',
            hint: 'Clair\'s config.yaml must have auth.psk.key set to the same base64 text and iss: ["quay"]; also check that both clocks agree (tokens live 5 minutes, Clair allows 15 s of skew)',
          })
        : error(target.fields, `${where} requires authentication (HTTP ${res.status}), but SECURITY_SCANNER_V4_PSK is not set`, {
            code: 'auth-required',
            stage: 'auth',
            hint: "set SECURITY_SCANNER_V4_PSK to the base64 key in Clair's auth.psk.key",
          }),
    ];
  }
  if (res.status === 404) {
    return [
      error(target.fields, `${url} answered 404: there is no Clair v4 indexer API at this address`, {
        code: 'not-clair-v4',
        stage: 'semantic',
        hint: "point SECURITY_SCANNER_V4_ENDPOINT at Clair's HTTP API (http_listen_addr, combo or indexer mode), not at its introspection port or another service",
      }),
    ];
  }
  if (res.status < 200 || res.status > 299) {
    const body = serviceWords(res.body);
    return [
      error(target.fields, `${where} answered HTTP ${res.status}${body ? `: ${body}` : ''}`, {
        code: 'clair-unexpected-status',
        stage: 'semantic',
        hint: "check Clair's logs: it is reachable but not healthy",
      }),
    ];
  }
  const state = isIndexState(res.json);
  if (!state) {
    return [
      error(target.fields, `${url} answered HTTP ${res.status}, but not with Clair's index state ({"state": "…"})`, {
        code: 'not-clair-v4',
        stage: 'semantic',
        hint: "this is not a Clair v4 endpoint: Quay validates every Clair answer against Clair's API schema",
      }),
    ];
  }
  return [];
}

function isIndexState(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'state' in json && typeof json.state === 'string';
}

/** Clair v2 (deprecated): any HTTP answer from `SECURITY_SCANNER_ENDPOINT` counts as reachable. */
export async function probeClairV2(endpoint: string, fields: string[], parent: ProbeContext): Promise<Finding[]> {
  const { ctx, stage } = tracked(parent);
  try {
    await probeHttp(endpoint, { method: 'GET' }, ctx);
    return [];
  } catch (e) {
    return [networkFinding(e, fields, `Clair v2 at ${endpoint}`, ctx, stage())];
  }
}
