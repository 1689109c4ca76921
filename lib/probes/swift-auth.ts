import { isObject } from '../config/values';
import type { ProbeContext } from './context';
import { probeHttp, serviceWords, type ProbeHttpResponse } from './http';

/**
 * Swift authentication as python-swiftclient does it for Quay's SwiftStorage: v1 (tempauth/swauth,
 * `X-Auth-User`/`X-Auth-Key`), Keystone v2.0 (`POST …/tokens`) and Keystone v3
 * (`POST …/auth/tokens`, password method), picking the object-store endpoint from the catalog by
 * `region_name` and `endpoint_type`, or `os_options.object_storage_url` when given.
 */

export interface SwiftAuthRequest {
  authUrl: string;
  version: 1 | 2 | 3;
  user: string;
  key: string;
  osOptions: Record<string, unknown>;
  extraPems?: string[];
}

export type SwiftAuthResult = { ok: true; storageUrl: string; token: string } | { ok: false; status: number; reason: 'rejected' | 'no-endpoint' | 'unexpected'; detail: string };

const opt = (o: Record<string, unknown>, k: string): string | undefined => {
  const v = o[k];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** Authenticates; connection failures throw (the caller turns them into findings). */
export async function swiftAuthenticate(req: SwiftAuthRequest, ctx: ProbeContext): Promise<SwiftAuthResult> {
  const extra = req.extraPems ? { extraPems: req.extraPems } : {};
  if (req.version === 1) {
    const res = await probeHttp(req.authUrl, { method: 'GET', headers: { 'x-auth-user': req.user, 'x-auth-key': req.key }, ...extra }, ctx);
    const url = header(res, 'x-storage-url');
    const token = header(res, 'x-auth-token');
    if (res.status >= 200 && res.status < 300 && url && token) return withOverride(req, { ok: true, storageUrl: url, token });
    return failed(res);
  }
  const body = JSON.stringify(req.version === 2 ? v2Body(req) : v3Body(req));
  const base = req.authUrl.replace(/\/+$/, '');
  const url = req.version === 2 ? (base.endsWith('/tokens') ? base : `${base}/tokens`) : base.endsWith('/auth/tokens') ? base : `${base}/auth/tokens`;
  const res = await probeHttp(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body, ...extra }, ctx);
  if (res.status < 200 || res.status >= 300) return failed(res);
  const token = req.version === 2 ? v2Token(res.json) : header(res, 'x-subject-token');
  const storageUrl = opt(req.osOptions, 'object_storage_url') ?? catalogEndpoint(res.json, req.version, req.osOptions);
  if (!token) return { ok: false, status: res.status, reason: 'unexpected', detail: 'no token in the answer' };
  if (!storageUrl) return { ok: false, status: res.status, reason: 'no-endpoint', detail: 'no object-store endpoint in the service catalog' };
  return { ok: true, storageUrl, token };
}

function withOverride(req: SwiftAuthRequest, r: { ok: true; storageUrl: string; token: string }): SwiftAuthResult {
  const override = opt(req.osOptions, 'object_storage_url');
  return override ? { ...r, storageUrl: override } : r;
}

function failed(res: ProbeHttpResponse): SwiftAuthResult {
  const rejected = res.status === 401 || res.status === 403;
  return { ok: false, status: res.status, reason: rejected ? 'rejected' : 'unexpected', detail: serviceWords(res.body) };
}

function header(res: ProbeHttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Keystone v2.0 body; `tenant:user` splits as swiftclient does when no tenant is given. */
export function v2Body(req: SwiftAuthRequest): Record<string, unknown> {
  let user = req.user;
  let tenantName = opt(req.osOptions, 'tenant_name');
  const tenantId = opt(req.osOptions, 'tenant_id');
  if (!tenantName && !tenantId && user.includes(':')) [tenantName, user] = [user.slice(0, user.indexOf(':')), user.slice(user.indexOf(':') + 1)];
  return {
    auth: {
      passwordCredentials: { username: user, password: req.key },
      ...(tenantId ? { tenantId } : tenantName ? { tenantName } : {}),
    },
  };
}

/** Keystone v3 password body, scoped to the project named in os_options. */
export function v3Body(req: SwiftAuthRequest): Record<string, unknown> {
  const o = req.osOptions;
  const domain = (prefix: string) => {
    const id = opt(o, `${prefix}_domain_id`);
    const name = opt(o, `${prefix}_domain_name`);
    return id ? { id } : name ? { name } : undefined;
  };
  const userDomain = domain('user');
  const projectId = opt(o, 'project_id') ?? opt(o, 'tenant_id');
  const projectName = opt(o, 'project_name') ?? opt(o, 'tenant_name');
  const projectDomain = domain('project') ?? userDomain;
  const userId = opt(o, 'user_id');
  const user = userId ? { id: userId, password: req.key } : { name: req.user, password: req.key, ...(userDomain ? { domain: userDomain } : {}) };
  const scope = projectId ? { project: { id: projectId } } : projectName ? { project: { name: projectName, ...(projectDomain ? { domain: projectDomain } : {}) } } : undefined;
  return { auth: { identity: { methods: ['password'], password: { user } }, ...(scope ? { scope } : {}) } };
}

function v2Token(json: unknown): string | undefined {
  const access = isObject(json) ? json.access : undefined;
  const token = isObject(access) ? access.token : undefined;
  const id = isObject(token) ? token.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** The object-store endpoint of a Keystone catalog for the configured region and interface. */
export function catalogEndpoint(json: unknown, version: 2 | 3, o: Record<string, unknown>): string | undefined {
  const region = opt(o, 'region_name');
  const endpointType = opt(o, 'endpoint_type') ?? 'publicURL';
  const root = isObject(json) ? (version === 2 ? json.access : json.token) : undefined;
  const catalog = isObject(root) ? (version === 2 ? root.serviceCatalog : root.catalog) : undefined;
  if (!Array.isArray(catalog)) return undefined;
  const service = catalog.find((s) => isObject(s) && s.type === (opt(o, 'service_type') ?? 'object-store'));
  const endpoints = isObject(service) && Array.isArray(service.endpoints) ? service.endpoints.filter(isObject) : [];
  const inRegion = endpoints.filter((e) => !region || e.region === region || e.region_id === region);
  if (version === 2) {
    const e = inRegion.find((x) => typeof x[endpointType] === 'string');
    const v = e?.[endpointType];
    return typeof v === 'string' ? v : undefined;
  }
  const iface = endpointType.replace(/URL$/, '');
  const e = inRegion.find((x) => x.interface === iface && typeof x.url === 'string');
  return typeof e?.url === 'string' ? e.url : undefined;
}
