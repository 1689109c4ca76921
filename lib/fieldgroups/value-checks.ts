import { isObject } from '../config/values';
import { error, required } from '../report/findings';
import type { Finding } from '../report/types';

/**
 * Small offline checks shared by the login, trigger and UI groups: required strings, URLs, paths,
 * positive integers. Each returns findings for one key and never throws; a value of a type the
 * JSON schema already rejects is left to the Schema check unless `reportType` asks otherwise
 * (keys the schema does not know, such as the fields of an OIDC `<ID>_LOGIN_CONFIG`).
 */

export interface CheckOptions {
  /** Report a wrong type here (for keys the JSON schema does not describe). */
  reportType?: boolean;
}

/** True for an absolute `http://` or `https://` URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** An absolute path on Quay's own host, e.g. `/static/img/logo.svg` (not a `//host` reference). */
export function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !/\s/.test(value);
}

/** `<path> must be a string` for keys the schema does not type. */
export function typeFinding(path: string, expected: string): Finding {
  return error(path, `${path} must be ${expected}`, { code: 'invalid-type' });
}

/** Present, non-blank string; a missing, null or blank value is `required`. */
export function requireString(obj: unknown, key: string, path: string, opts: CheckOptions = {}): Finding[] {
  const v = isObject(obj) ? obj[key] : undefined;
  if (v === undefined || v === null) return [required(path)];
  if (typeof v !== 'string') return opts.reportType ? [typeFinding(path, 'a string')] : [];
  return v.trim() === '' ? [error(path, `${path} is required but empty`, { code: 'required' })] : [];
}

/** Optional string: only its type is checked (for keys the schema does not know). */
export function optionalString(obj: unknown, key: string, path: string): Finding[] {
  const v = isObject(obj) ? obj[key] : undefined;
  return v === undefined || v === null || typeof v === 'string' ? [] : [typeFinding(path, 'a string')];
}

/** Optional boolean: only its type is checked (for keys the schema does not know). */
export function optionalBoolean(obj: unknown, key: string, path: string): Finding[] {
  const v = isObject(obj) ? obj[key] : undefined;
  return v === undefined || v === null || typeof v === 'boolean' ? [] : [typeFinding(path, 'true or false')];
}

/** Optional list of strings (for keys the schema does not know); `nonEmpty` rejects `[]`. */
export function optionalStringList(obj: unknown, key: string, path: string, nonEmpty = false): Finding[] {
  const v = isObject(obj) ? obj[key] : undefined;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return [typeFinding(path, 'a list of strings')];
  const bad = v.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) return [typeFinding(`${path}[${bad}]`, 'a string')];
  return nonEmpty && v.length === 0 ? [error(path, `${path} must not be empty`, { code: 'invalid-value' })] : [];
}

/**
 * An `http(s)://` URL. Absent or null passes unless `required`; an empty string is always a finding
 * (config-tool panicked on `GITLAB_ENDPOINT: ""`, the legacy app silently used it).
 */
export function checkHttpUrl(obj: unknown, key: string, path: string, opts: CheckOptions & { required?: boolean } = {}): Finding[] {
  const v = isObject(obj) ? obj[key] : undefined;
  if (v === undefined || v === null) return opts.required ? [required(path)] : [];
  if (typeof v !== 'string') return opts.reportType ? [typeFinding(path, 'a URL string')] : [];
  if (v.trim() === '') return [error(path, `${path} is empty: it must be an http:// or https:// URL`, { code: 'invalid-url', hint: opts.required ? undefined : `remove ${path} to use the default` })];
  if (!isHttpUrl(v)) return [error(path, `${path} must be an http:// or https:// URL, got "${v}"`, { code: 'invalid-url' })];
  return [];
}

/** A URL or an absolute path on Quay's host (logos, documentation root); empty counts as unset. */
export function checkUrlOrPath(obj: unknown, key: string, path: string, allowDataImage = false): Finding[] {
  const v = isObject(obj) ? obj[key] : undefined;
  if (typeof v !== 'string' || v.trim() === '') return [];
  if (isHttpUrl(v) || isAbsolutePath(v.trim())) return [];
  if (allowDataImage && /^data:image\/[a-z0-9.+-]+[;,]/i.test(v)) return [];
  return [
    error(path, `${path} must be an http(s):// URL or an absolute path such as /static/img/logo.svg, got "${truncate(v)}"`, {
      code: 'invalid-url',
      hint: 'a relative path is resolved against the page URL in the browser and breaks on sub-pages',
    }),
  ];
}

/** A positive integer (numbers only: the schema reports other types). */
export function checkPositiveInt(obj: unknown, key: string, path: string): Finding[] {
  const v = isObject(obj) ? obj[key] : undefined;
  if (typeof v !== 'number') return [];
  return Number.isInteger(v) && v > 0 ? [] : [error(path, `${path} must be a positive integer, got ${v}`, { code: 'invalid-value' })];
}

/** Values Quay's OAuth login accepts for `LOGIN_BINDING_FIELD` (oauth/login_utils.py). */
export const LOGIN_BINDING_FIELDS = ['sub', 'username', 'email'] as const;

/**
 * `LOGIN_BINDING_FIELD` of a login provider: Quay binds an external login to an existing internal
 * account by `sub`, `username` or `email`; any other value fails every such login with
 * "Configuration error in this provider".
 */
export function checkLoginBindingField(obj: unknown, path: string): Finding[] {
  const v = isObject(obj) ? obj.LOGIN_BINDING_FIELD : undefined;
  if (v === undefined || v === null) return [];
  const field = `${path}.LOGIN_BINDING_FIELD`;
  if (typeof v === 'string' && (LOGIN_BINDING_FIELDS as readonly string[]).includes(v)) return [];
  return [
    error(field, `${field} must be one of ${LOGIN_BINDING_FIELDS.join(', ')}, got ${JSON.stringify(v)}`, {
      code: 'invalid-value',
      hint: 'Quay answers "Configuration error in this provider" to every login that needs binding otherwise',
    }),
  ];
}

/** Shortens user text quoted in a message. */
export function truncate(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
