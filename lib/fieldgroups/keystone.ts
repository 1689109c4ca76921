import { probeKeystone, type KeystoneTarget } from '../probes/keystone';
import { nonEmpty, str, type ConfigMap } from '../config/values';
import { error, required, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const SCHEMA_URL = /^http(s)?:\/\/(.)+$/;

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

/** Quay reads `int(KEYSTONE_AUTH_VERSION)`, default 2; anything but 3 silently means v2. */
function authVersion(c: ConfigMap): 2 | 3 | undefined {
  const v = c.KEYSTONE_AUTH_VERSION;
  if (v === undefined || v === null) return 2;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[23]\s*$/.test(v) ? Number(v) : NaN;
  return n === 2 || n === 3 ? n : undefined;
}

function urlRules(c: ConfigMap, version: 2 | 3 | undefined): Finding[] {
  const raw = str(c, 'KEYSTONE_AUTH_URL');
  if (c.KEYSTONE_AUTH_URL === undefined || c.KEYSTONE_AUTH_URL === null || raw?.trim() === '') return [required('KEYSTONE_AUTH_URL', '(Missing authentication URL)')];
  // The schema's pattern (^http(s)?://(.)+$) reports other schemes; what passes it must still parse.
  if (raw === undefined || !SCHEMA_URL.test(raw)) return [];
  const u = parseUrl(raw);
  if (!u || u.hostname === '') {
    return [error('KEYSTONE_AUTH_URL', `KEYSTONE_AUTH_URL "${raw}" is not a valid URL`, { code: 'invalid-url' })];
  }
  const findings: Finding[] = [];
  // keystoneauth appends /tokens (v2) or /auth/tokens (v3) to the URL as given: no version discovery.
  if (u.pathname === '/' || u.pathname === '') {
    findings.push(
      warning('KEYSTONE_AUTH_URL', `KEYSTONE_AUTH_URL has no version path: Quay posts to ${raw.replace(/\/$/, '')}/${version === 3 ? 'auth/tokens' : 'tokens'}`, {
        code: 'keystone-url-version-path',
        hint: `end the URL with ${version === 3 ? '/v3' : '/v2.0'}, e.g. https://keystone.example.com:5000/${version === 3 ? 'v3' : 'v2.0'}`,
      }),
    );
  }
  if (u.protocol === 'http:' && !LOCAL_HOSTS.has(u.hostname) && !u.hostname.startsWith('127.')) {
    findings.push(
      warning('KEYSTONE_AUTH_URL', `KEYSTONE_AUTH_URL uses http:// to ${u.hostname}: the admin password and every user's password cross the network in clear text`, { code: 'keystone-cleartext' }),
    );
  }
  return findings;
}

function keystoneRules(c: ConfigMap): Finding[] {
  // KEYSTONE_AUTH_VERSION's enum and KEYSTONE_AUTH_TIMEOUT's type are schema findings.
  const findings = urlRules(c, authVersion(c));
  const legacy: [string, string][] = [
    ['KEYSTONE_ADMIN_USERNAME', 'Missing admin username'],
    ['KEYSTONE_ADMIN_PASSWORD', 'Missing admin password'],
    ['KEYSTONE_ADMIN_TENANT', 'Missing admin tenant'],
  ];
  for (const [key, why] of legacy) {
    if (c[key] === undefined || c[key] === null || str(c, key)?.trim() === '') findings.push(required(key, `(${why})`));
  }
  return findings;
}

function target(c: ConfigMap): KeystoneTarget | undefined {
  const version = authVersion(c);
  const url = nonEmpty(c, 'KEYSTONE_AUTH_URL');
  const username = nonEmpty(c, 'KEYSTONE_ADMIN_USERNAME');
  const password = str(c, 'KEYSTONE_ADMIN_PASSWORD');
  const tenant = nonEmpty(c, 'KEYSTONE_ADMIN_TENANT');
  if (!version || !url || !username || !password || !tenant) return undefined;
  return { version, url: url.trim(), username, password, tenant };
}

/** OpenStack Keystone authentication (AUTHENTICATION_TYPE: Keystone), a group config-tool lacks. */
export const keystone = defineFieldGroup({
  id: 'Keystone',
  title: 'Keystone authentication',
  keys: ['KEYSTONE_AUTH_VERSION', 'KEYSTONE_AUTH_URL', 'KEYSTONE_ADMIN_USERNAME', 'KEYSTONE_ADMIN_PASSWORD', 'KEYSTONE_ADMIN_TENANT', 'KEYSTONE_AUTH_TIMEOUT'],
  skipReason: ({ config }) => (config.AUTHENTICATION_TYPE === 'Keystone' ? null : 'AUTHENTICATION_TYPE is not Keystone'),
  rules: ({ config }) => keystoneRules(config),
  probes: ({ config }) => {
    const t = target(config);
    return t
      ? [
          {
            name: `Keystone v${t.version} at ${t.url}`,
            fields: ['KEYSTONE_AUTH_VERSION', 'KEYSTONE_AUTH_URL', 'KEYSTONE_ADMIN_USERNAME', 'KEYSTONE_ADMIN_PASSWORD', 'KEYSTONE_ADMIN_TENANT'],
            run: (ctx) => probeKeystone(t, ctx),
          },
        ]
      : [];
  },
});
