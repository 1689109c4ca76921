import { isObject } from '../../config/values';
import { pemCertificates } from '../../certs/trust';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { joinStoragePath, probeObjectName } from '../../probes/probe-kit';
import { probeSwiftStorage } from '../../probes/swift';
import type { RuleContext } from '../define';
import { bundleFile } from './cloudfront';
import { locationPath, param, paramFields, paramPath, type EngineSpec, type StorageLocation } from './engine';

/**
 * SwiftStorage(context, swift_container, storage_path, auth_url, swift_user, swift_password,
 * auth_version=None, os_options=None, ca_cert_path=None, temp_url_key=None, …). Quay reads
 * `auth_version` as `int(auth_version or "2")` and silently uses 2 when that fails, so "v3" means
 * Keystone v2 at runtime; an explicit 1, 2 or 3 is required here instead (config-tool required it
 * always, though Quay defaults to 2).
 */

/** The auth version Quay will use, or undefined when the value is not 1, 2 or 3. */
export function swiftAuthVersion(loc: StorageLocation): 1 | 2 | 3 | undefined {
  const v = loc.params.auth_version;
  if (v === undefined || v === null || v === '' || v === 0) return 2;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return n === 1 || n === 2 || n === 3 ? n : undefined;
}

function osOptions(loc: StorageLocation): Record<string, unknown> {
  return isObject(loc.params.os_options) ? loc.params.os_options : {};
}

function check(loc: StorageLocation, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const version = swiftAuthVersion(loc);
  if (version === undefined) {
    findings.push(
      error(paramFields(loc, 'auth_version'), `${paramPath(loc.name, 'auth_version')} must be 1, 2 or 3, got ${JSON.stringify(loc.params.auth_version)}`, {
        code: 'invalid-auth-version',
        hint: 'Quay would silently fall back to Keystone v2 for this value',
      }),
    );
  }
  const authUrl = param(loc, 'auth_url');
  if (authUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(authUrl)) {
    findings.push(error(paramFields(loc, 'auth_url'), `${paramPath(loc.name, 'auth_url')} must be an http:// or https:// URL, got "${authUrl}"`, { code: 'invalid-url' }));
  }
  if (version === 3) {
    const o = osOptions(loc);
    const has = (...keys: string[]) => keys.some((k) => typeof o[k] === 'string' && o[k] !== '');
    if (!has('user_domain_name', 'user_domain_id', 'user_id')) {
      findings.push(
        error(paramFields(loc, 'os_options'), `storage location "${loc.name}": Keystone v3 needs the user's domain in os_options (user_domain_name or user_domain_id)`, {
          code: 'swift-v3-domain-missing',
          hint: 'e.g. os_options: {user_domain_name: Default, project_name: quay, project_domain_name: Default}',
        }),
      );
    }
    if (!has('project_id', 'tenant_id', 'project_name', 'tenant_name')) {
      findings.push(
        error(paramFields(loc, 'os_options'), `storage location "${loc.name}": Keystone v3 needs a project in os_options (project_id, or project_name with its domain)`, {
          code: 'swift-v3-project-missing',
          hint: 'without a project scope the token carries no object-store endpoint',
        }),
      );
    }
  }
  const ca = param(loc, 'ca_cert_path');
  if (ca !== undefined && /^\/?conf\/stack\//.test(ca) && !bundleFile(ctx.files, ca)) {
    findings.push(warning(paramFields(loc, 'ca_cert_path'), `${paramPath(loc.name, 'ca_cert_path')}: "${ca}" points into the config bundle but the bundle has no such file`, { code: 'file-missing' }));
  }
  return findings;
}

export const swiftStorage: EngineSpec = {
  name: 'SwiftStorage',
  params: {
    swift_container: { kind: 'string', required: true },
    storage_path: { kind: 'string', required: true, allowEmpty: true },
    auth_url: { kind: 'string', required: true },
    swift_user: { kind: 'string', required: true },
    swift_password: { kind: 'string', required: true },
    auth_version: { kind: 'any' },
    os_options: { kind: 'object' },
    ca_cert_path: { kind: 'string' },
    temp_url_key: { kind: 'string' },
    simple_path_concat: { kind: 'boolean' },
    connect_timeout: { kind: 'number' },
    retry_count: { kind: 'integer' },
    retry_on_ratelimit: { kind: 'boolean' },
  },
  check,
  probe: (loc, ctx) => {
    const ca = param(loc, 'ca_cert_path');
    const caBytes = ca ? bundleFile(ctx.files, ca) : undefined;
    const extraPems = caBytes ? pemCertificates(Buffer.from(caBytes).toString('latin1')) : undefined;
    const storagePath = (param(loc, 'storage_path') ?? '').replace(/^\/+/, '');
    const name = probeObjectName();
    // simple_path_concat: Quay appends the object name to storage_path without a separator.
    const object = loc.params.simple_path_concat === true ? `${storagePath}${name}` : joinStoragePath(storagePath, name);
    const tempUrlKey = param(loc, 'temp_url_key');
    return (pctx) =>
      probeSwiftStorage(
        {
          label: `storage location "${loc.name}"`,
          auth: {
            authUrl: param(loc, 'auth_url') ?? '',
            version: swiftAuthVersion(loc) ?? 2,
            user: param(loc, 'swift_user') ?? '',
            key: param(loc, 'swift_password') ?? '',
            osOptions: osOptions(loc),
            ...(extraPems?.length ? { extraPems } : {}),
          },
          container: param(loc, 'swift_container') ?? '',
          object,
          ...(tempUrlKey ? { tempUrlKey } : {}),
          fields: {
            location: [locationPath(loc.name)],
            authUrl: paramFields(loc, 'auth_url'),
            credentials: paramFields(loc, 'swift_user', 'swift_password'),
            container: paramFields(loc, 'swift_container'),
            tempUrlKey: paramFields(loc, 'temp_url_key'),
          },
        },
        pctx,
      );
  },
};
