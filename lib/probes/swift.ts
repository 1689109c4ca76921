import { createHmac } from 'node:crypto';
import { error } from '../report/findings';
import type { Finding } from '../report/types';
import type { ProbeContext } from './context';
import { probeHttp, type ProbeHttpResponse } from './http';
import { connectionFinding, probeObjectBody, trackStages, unexpectedStatus, type TrackedContext } from './probe-kit';
import { swiftAuthenticate, type SwiftAuthRequest } from './swift-auth';

export interface SwiftProbeTarget {
  label: string;
  auth: SwiftAuthRequest;
  container: string;
  /** Object name of the probe object (storage_path already joined). */
  object: string;
  /** Quay checks a temp URL when `temp_url_key` is set (storage/swift.py `validate`). */
  tempUrlKey?: string;
  fields: { location: string[]; authUrl: string[]; credentials: string[]; container: string[]; tempUrlKey: string[] };
}

/**
 * SwiftStorage's live check: authenticate (v1, v2 or v3), PUT the probe object under storage_path,
 * GET it back (and through a temp URL when a temp_url_key is set, as Quay's own validation did),
 * DELETE it; a refused PUT is explained by a HEAD of the container. config-tool only listed containers.
 */
export async function probeSwiftStorage(t: SwiftProbeTarget, ctx: ProbeContext): Promise<Finding[]> {
  // Four round-trips when all is well, over the probe's kept-alive connections (ctx.connections), as python-swiftclient keeps its own.
  const tracked = trackStages(ctx);
  let target = t.auth.authUrl;
  try {
    const auth = await swiftAuthenticate(t.auth, tracked.ctx);
    if (!auth.ok) {
      if (auth.reason === 'rejected') {
        return [
          error(t.fields.credentials, `${t.label}: Swift rejected the user or password (HTTP ${auth.status}, auth v${t.auth.version})`, {
            code: 'auth-failed',
            stage: 'auth',
            hint: 'check swift_user, swift_password and, for v2/v3, the project and domain in os_options',
          }),
        ];
      }
      if (auth.reason === 'no-endpoint') {
        return [
          error(t.fields.authUrl, `${t.label}: authenticated, but ${auth.detail}`, {
            code: 'no-object-store-endpoint',
            stage: 'auth',
            hint: 'set os_options.region_name / endpoint_type, or os_options.object_storage_url',
          }),
        ];
      }
      return [unexpectedStatus(t.fields.authUrl, `${t.label}: authentication at ${t.auth.authUrl}`, auth.status, auth.detail, 'auth')];
    }
    const base = auth.storageUrl.replace(/\/+$/, '');
    target = base;
    const containerUrl = `${base}/${encodeURIComponent(t.container)}`;
    const objectUrl = `${containerUrl}/${t.object.split('/').map(encodeURIComponent).join('/')}`;
    const call = (method: string, url: string, body?: string) => send(method, url, auth.token, t, tracked, body);

    const body = probeObjectBody();
    const put = await call('PUT', objectUrl, body);
    // Quay never HEADs the container; only a refused PUT needs the container's answer to say why.
    if (put.status >= 300) return [await refusedWrite(put, () => call('HEAD', containerUrl), base, t)];
    // The plain read and the temp-URL read go out together: one round-trip fewer (issue 11).
    const [get, temp] = await Promise.all([call('GET', objectUrl), t.tempUrlKey ? probeHttp(swiftTempUrl(objectUrl, t.tempUrlKey, 60), { method: 'GET', ...extra(t) }, tracked.ctx) : undefined]);
    const problems: Finding[] = [];
    if (get.status >= 300) problems.push(denied(get, 'get', t));
    else if (get.body !== body) problems.push(error(t.fields.location, `${t.label}: object ${t.object} read back differs from what was written`, { code: 'read-mismatch', stage: 'semantic' }));
    if (temp && problems.length === 0 && temp.status !== 200) {
      problems.push(
        error(t.fields.tempUrlKey, `${t.label}: a temp URL signed with temp_url_key was refused (HTTP ${temp.status})`, {
          code: 'temp-url-failed',
          stage: 'semantic',
          hint: 'the key must equal the account (or container) X-Account-Meta-Temp-URL-Key, and the tempurl middleware must be enabled',
        }),
      );
    }
    const del = await call('DELETE', objectUrl);
    if (del.status >= 300 && del.status !== 404) problems.push(denied(del, 'delete', t));
    return problems;
  } catch (e) {
    return [connectionFinding(e, target === t.auth.authUrl ? t.fields.authUrl : t.fields.location, `${t.label} (${originOf(target)})`, tracked)];
  }
}

/** Why a PUT was refused: the container is missing, not visible to the user, or only not writable. */
async function refusedWrite(put: ProbeHttpResponse, headContainer: () => Promise<ProbeHttpResponse>, base: string, t: SwiftProbeTarget): Promise<Finding> {
  const head = await headContainer();
  if (head.status === 404) {
    return error(t.fields.container, `${t.label}: container "${t.container}" does not exist`, {
      code: 'container-missing',
      stage: 'semantic',
      hint: 'create the container first (Quay does not create it)',
    });
  }
  if (head.status === 401) return error(t.fields.credentials, `${t.label}: the token from authentication was refused by ${new URL(base).host}`, { code: 'auth-failed', stage: 'auth' });
  return denied(head.status >= 300 ? head : put, head.status >= 300 ? 'head' : 'put', t);
}

function extra(t: SwiftProbeTarget) {
  return t.auth.extraPems ? { extraPems: t.auth.extraPems } : {};
}

function send(method: string, url: string, token: string, t: SwiftProbeTarget, tracked: TrackedContext, body?: string): Promise<ProbeHttpResponse> {
  const headers: Record<string, string> = { 'x-auth-token': token };
  if (body !== undefined) {
    headers['content-type'] = 'text/plain';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return probeHttp(url, { method, headers, ...(body !== undefined ? { body } : {}), ...extra(t) }, tracked.ctx);
}

function denied(res: ProbeHttpResponse, op: 'head' | 'put' | 'get' | 'delete', t: SwiftProbeTarget): Finding {
  if (res.status === 403 || res.status === 401) {
    const what = { head: 'see the container', put: 'write to the container', get: 'read objects back', delete: 'delete objects' }[op];
    return error(t.fields.credentials, `${t.label}: the user may not ${what} "${t.container}" (HTTP ${res.status})`, {
      code: op === 'put' ? 'write-denied' : op === 'get' ? 'read-denied' : op === 'delete' ? 'delete-denied' : 'container-denied',
      stage: 'semantic',
      hint: 'give the user read and write access to the container (operator role, or container ACLs)',
    });
  }
  return unexpectedStatus(t.fields.location, `${t.label}: ${op.toUpperCase()} ${op === 'head' ? t.container : t.object}`, res.status, res.body);
}

/** A Swift temp URL (tempurl middleware): HMAC-SHA1 over "GET\n<expires>\n<path>", as storage/swift.py builds it. */
export function swiftTempUrl(objectUrl: string, key: string, expiresInSeconds: number, now = Date.now()): string {
  const u = new URL(objectUrl);
  const expires = Math.floor(now / 1000) + expiresInSeconds;
  const sig = createHmac('sha1', key).update(`GET\n${expires}\n${u.pathname}`).digest('hex');
  u.search = `?temp_url_sig=${sig}&temp_url_expires=${expires}`;
  return u.href;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
