import { isObject } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { probeHttp, serviceWords, type ProbeHttpResponse } from './http';
import { networkFinding } from './net';

/** What the live Keystone check needs, read from the KEYSTONE_* keys. */
export interface KeystoneTarget {
  version: 2 | 3;
  /** KEYSTONE_AUTH_URL as given, e.g. `https://keystone:5000/v3`. */
  url: string;
  username: string;
  password: string;
  /** The admin tenant (v2) or project (v3) name. */
  tenant: string;
}

const CREDENTIALS = ['KEYSTONE_ADMIN_USERNAME', 'KEYSTONE_ADMIN_PASSWORD'];
/** Quay's keystone clients use the "default" domain for the user and the project (data/users/keystone.py). */
const DOMAIN = { id: 'default' };

type Request = (path: string, init: { method?: string; body?: unknown; token?: string }) => Promise<ProbeHttpResponse>;

/**
 * Authenticates the admin the way Quay's keystoneauth clients do: v2 `POST <url>/tokens` with
 * passwordCredentials and tenantName; v3 `POST <url>/auth/tokens` with the password method, scoped
 * to the admin project. v2 then lists the tenant's users, as the legacy validator did. A 401 is
 * retried unscoped to tell a wrong tenant from wrong credentials. Never throws.
 */
export async function probeKeystone(t: KeystoneTarget, ctx: ProbeContext): Promise<Finding[]> {
  let stage: Stage = 'config';
  const tracked: ProbeContext = {
    ...ctx,
    enter: (s) => {
      stage = s;
      ctx.enter(s);
    },
  };
  const base = t.url.replace(/\/+$/, '');
  const request: Request = (path, init) =>
    probeHttp(
      `${base}${path}`,
      {
        method: init.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...(init.token ? { 'x-auth-token': init.token } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      },
      tracked,
    );
  try {
    return t.version === 3 ? await checkV3(t, request) : await checkV2(t, request);
  } catch (e) {
    return [networkFinding(e, ['KEYSTONE_AUTH_URL'], `Keystone at ${t.url}`, tracked, stage)];
  }
}

function v2Body(t: KeystoneTarget, scoped: boolean): unknown {
  return { auth: { passwordCredentials: { username: t.username, password: t.password }, ...(scoped ? { tenantName: t.tenant } : {}) } };
}

function v3Body(t: KeystoneTarget, scoped: boolean): unknown {
  const identity = { methods: ['password'], password: { user: { name: t.username, domain: DOMAIN, password: t.password } } };
  return { auth: { identity, ...(scoped ? { scope: { project: { name: t.tenant, domain: DOMAIN } } } : {}) } };
}

async function checkV2(t: KeystoneTarget, request: Request): Promise<Finding[]> {
  const res = await request('/tokens', { method: 'POST', body: v2Body(t, true) });
  if (res.status === 401) {
    const unscoped = await request('/tokens', { method: 'POST', body: v2Body(t, false) });
    return [authFailure(t, unscoped.status === 200, res)];
  }
  if (res.status !== 200 && res.status !== 203) return [statusFailure(t, res, '/tokens')];
  const access = isObject(res.json) && isObject(res.json.access) ? res.json.access : undefined;
  const token = access && isObject(access.token) ? access.token : undefined;
  const tokenId = token && typeof token.id === 'string' ? token.id : undefined;
  if (!tokenId) return [badResponse(t, 'the token response has no access.token.id')];
  const tenantId = token && isObject(token.tenant) && typeof token.tenant.id === 'string' ? token.tenant.id : t.tenant;

  const users = await request(`/tenants/${encodeURIComponent(tenantId)}/users?limit=1`, { token: tokenId });
  if (users.status !== 200) {
    return [
      warning('KEYSTONE_ADMIN_USERNAME', `Keystone at ${t.url}: the admin authenticated but cannot list the users of tenant "${t.tenant}" (HTTP ${users.status}${detail(users)})`, {
        code: 'keystone-list-users-failed',
        stage: 'semantic',
        hint: 'give the admin user the admin role on its tenant',
      }),
    ];
  }
  const list = isObject(users.json) && Array.isArray(users.json.users) ? users.json.users : undefined;
  if (list && list.length === 0) {
    return [warning('KEYSTONE_ADMIN_TENANT', `Keystone at ${t.url}: no users exist in the admin tenant "${t.tenant}"`, { code: 'keystone-no-users', stage: 'semantic' })];
  }
  return [];
}

async function checkV3(t: KeystoneTarget, request: Request): Promise<Finding[]> {
  const res = await request('/auth/tokens', { method: 'POST', body: v3Body(t, true) });
  if (res.status === 401) {
    const unscoped = await request('/auth/tokens', { method: 'POST', body: v3Body(t, false) });
    return [authFailure(t, unscoped.status === 201 || unscoped.status === 200, res)];
  }
  if (res.status !== 201 && res.status !== 200) return [statusFailure(t, res, '/auth/tokens')];
  if (!res.headers['x-subject-token']) return [badResponse(t, 'the token response has no X-Subject-Token header')];
  return [];
}

function authFailure(t: KeystoneTarget, unscopedWorks: boolean, res: ProbeHttpResponse): Finding {
  const scope = t.version === 3 ? 'project' : 'tenant';
  if (unscopedWorks) {
    return error('KEYSTONE_ADMIN_TENANT', `Keystone at ${t.url}: the admin credentials are valid but cannot be scoped to ${scope} "${t.tenant}"${t.version === 3 ? ' in domain "default"' : ''}`, {
      code: 'keystone-tenant-invalid',
      stage: 'auth',
      hint: `check the ${scope} name and that the admin user has a role on it`,
    });
  }
  return error(CREDENTIALS, `Keystone at ${t.url}: the admin credentials were rejected (HTTP 401${detail(res)})`, {
    code: 'keystone-auth-failed',
    stage: 'auth',
    hint: t.version === 3 ? 'Quay looks the user up in the "default" domain' : undefined,
  });
}

function statusFailure(t: KeystoneTarget, res: ProbeHttpResponse, path: string): Finding {
  if (res.status === 404) {
    return error('KEYSTONE_AUTH_URL', `Keystone at ${t.url}: ${path} was not found (HTTP 404)`, {
      code: 'keystone-endpoint-not-found',
      stage: 'semantic',
      hint: `KEYSTONE_AUTH_URL must end with the API version Quay uses: ${t.version === 3 ? '/v3' : '/v2.0'}`,
    });
  }
  return error('KEYSTONE_AUTH_URL', `Keystone at ${t.url}: unexpected answer to the admin authentication (HTTP ${res.status}${detail(res)})`, {
    code: 'keystone-unexpected-status',
    stage: 'semantic',
  });
}

function badResponse(t: KeystoneTarget, what: string): Finding {
  return error('KEYSTONE_AUTH_URL', `Keystone at ${t.url}: ${what}; is this a Keystone v${t.version} endpoint?`, { code: 'keystone-bad-response', stage: 'semantic' });
}

/** `: <message>` from a Keystone error body (`{"error": {"message": …}}`), kept short. */
function detail(res: ProbeHttpResponse): string {
  const e = isObject(res.json) && isObject(res.json.error) ? res.json.error : undefined;
  const msg = e && typeof e.message === 'string' ? e.message : '';
  return msg ? `: ${serviceWords(msg)}` : '';
}
