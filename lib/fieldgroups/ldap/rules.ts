import { nonEmpty, str, truthy, type ConfigMap } from '../../config/values';
import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { RuleContext } from '../define';
import { dnSyntaxError } from './dn';
import { filterSyntaxError, wrapLikeQuay } from './filter';
import { DEFAULT_LDAP_URI, FILTER_KEYS } from './settings';

const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|[0-9]+(?:\.[0-9]+)+)$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Offline LDAP rules (AUTHENTICATION_TYPE is LDAP): what config-tool and the legacy app checked, and
 * more. Types (LDAP_BASE_DN as a string, timeouts) are the schema's findings; `ldap.crt` is parsed by
 * the CACertificates group.
 */
export function ldapRules(ctx: RuleContext): Finding[] {
  const c = ctx.config;
  return [
    ...uriRules(c),
    ...adminRules(c),
    ...dnListRules(c, 'LDAP_BASE_DN', true),
    ...dnListRules(c, 'LDAP_USER_RDN', false),
    ...secondaryRdnRules(c),
    ...['LDAP_UID_ATTR', 'LDAP_EMAIL_ATTR', 'LDAP_MEMBEROF_ATTR'].flatMap((k) => attributeRule(c, k)),
    ...FILTER_KEYS.flatMap((k) => filterRule(c, k)),
  ];
}

function uriRules(c: ConfigMap): Finding[] {
  if (c.LDAP_URI === undefined || c.LDAP_URI === null) {
    return [warning('LDAP_URI', `LDAP_URI is not set: Quay connects to ${DEFAULT_LDAP_URI}, which inside the Quay container is Quay itself`, { code: 'ldap-uri-default' })];
  }
  const uri = str(c, 'LDAP_URI');
  if (uri === undefined) return [];
  if (uri.trim() === '') return [required('LDAP_URI')];
  if (!/^ldaps?:\/\//i.test(uri.trim())) {
    return [error('LDAP_URI', `LDAP_URI must start with ldap:// or ldaps://, got "${uri}"`, { code: 'ldap-uri-scheme' })];
  }
  let host: string;
  try {
    host = new URL(uri.trim()).hostname;
  } catch {
    return [error('LDAP_URI', `LDAP_URI "${uri}" is not a valid URI (one server per URI, as ldap[s]://host[:port])`, { code: 'ldap-uri-invalid' })];
  }
  const secure = /^ldaps:/i.test(uri.trim());
  const findings: Finding[] = [];
  if (secure && truthy(c.LDAP_ALLOW_INSECURE_FALLBACK)) {
    findings.push(
      warning('LDAP_ALLOW_INSECURE_FALLBACK', 'LDAP_ALLOW_INSECURE_FALLBACK lets Quay accept an LDAP server certificate it cannot verify, so a man in the middle can collect every password', {
        code: 'ldap-insecure-fallback',
        hint: 'put the CA that signed the LDAP server certificate into ldap.crt and set LDAP_ALLOW_INSECURE_FALLBACK to false',
      }),
    );
  }
  if (!secure && host !== '' && !LOCAL_HOSTS.has(host) && !host.startsWith('127.')) {
    // Quay never issues StartTLS (data/users/externalldap.py), so ldap:// is clear text all the way.
    findings.push(
      warning('LDAP_URI', `LDAP_URI uses ldap:// to ${host}: the admin password and every user's password cross the network in clear text`, {
        code: 'ldap-cleartext',
        hint: 'use ldaps:// (Quay does not use StartTLS) and put the server CA into ldap.crt',
      }),
    );
  }
  return findings;
}

function adminRules(c: ConfigMap): Finding[] {
  const findings: Finding[] = [];
  const dn = str(c, 'LDAP_ADMIN_DN');
  if (!has(c, 'LDAP_ADMIN_DN') || dn?.trim() === '') findings.push(required('LDAP_ADMIN_DN', '(the DN Quay binds as to look users up)'));
  else if (dn !== undefined) {
    const problem = dnSyntaxError(dn);
    if (problem) findings.push(error('LDAP_ADMIN_DN', `LDAP_ADMIN_DN "${dn}" is not a valid DN: ${problem}`, { code: 'ldap-dn-syntax' }));
  }
  if (!has(c, 'LDAP_ADMIN_PASSWD') || str(c, 'LDAP_ADMIN_PASSWD') === '') findings.push(required('LDAP_ADMIN_PASSWD', '(the password of LDAP_ADMIN_DN)'));
  return findings;
}

function has(c: ConfigMap, key: string): boolean {
  return c[key] !== undefined && c[key] !== null;
}

/**
 * A list of RDN strings that Quay joins with "," (a plain string, which Quay would split into
 * characters, and non-string items are schema type findings).
 */
function dnListRules(c: ConfigMap, key: string, isRequired: boolean): Finding[] {
  const v = c[key];
  if (v === undefined || v === null) return isRequired ? [required(key, '(the DN under which Quay looks for users, as a list like ["dc=example", "dc=org"])')] : [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return [];
  if (isRequired && v.length === 0) return [error(key, `${key} is empty: it must list the pieces of the base DN, e.g. ["dc=example", "dc=org"]`, { code: 'required' })];
  const bad = v.findIndex((x) => typeof x === 'string' && x.trim() === '');
  if (bad >= 0) return [error(`${key}[${bad}]`, `${key}[${bad}] is empty: each item is a DN piece such as "dc=example"`, { code: 'ldap-dn-item-invalid' })];
  const joined = v.join(',');
  const problem = dnSyntaxError(joined);
  return problem ? [error(key, `${key} does not make a valid DN ("${joined}"): ${problem}`, { code: 'ldap-dn-syntax' })] : [];
}

function secondaryRdnRules(c: ConfigMap): Finding[] {
  const key = 'LDAP_SECONDARY_USER_RDNS';
  const v = c[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i): Finding[] => {
    const path = `${key}[${i}]`;
    if (typeof item !== 'string') return [];
    const problem = dnSyntaxError(item);
    return problem ? [error(path, `${path} "${item}" is not a valid RDN: ${problem}`, { code: 'ldap-dn-syntax' })] : [];
  });
}

function attributeRule(c: ConfigMap, key: string): Finding[] {
  const v = str(c, key);
  if (v === undefined) return [];
  if (v.trim() === '') return [error(key, `${key} is empty: remove it to use Quay's default`, { code: 'required' })];
  return ATTRIBUTE_NAME.test(v) ? [] : [error(key, `${key} "${v}" is not a valid LDAP attribute name`, { code: 'ldap-attr-invalid' })];
}

function filterRule(c: ConfigMap, key: string): Finding[] {
  const raw = nonEmpty(c, key);
  if (raw === undefined) return [];
  const wrapped = wrapLikeQuay(raw);
  const problem = filterSyntaxError(wrapped);
  if (problem) {
    return [
      error(key, `${key} is not a valid LDAP filter: ${problem}`, {
        code: 'ldap-filter-invalid',
        hint: 'e.g. (memberOf=cn=quay-users,ou=groups,dc=example,dc=org); escape ( ) * \\ in values as \\28 \\29 \\2a \\5c',
      }),
    ];
  }
  if (wrapped !== raw) {
    // The legacy validator rejected this; Quay's _add_filter adds the parentheses itself.
    return [warning(key, `${key} is not wrapped in parentheses; Quay adds them, but other tools will not`, { code: 'ldap-filter-unwrapped', hint: `write ${wrapped}` })];
  }
  return [];
}
