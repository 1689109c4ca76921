import { pemCertificates } from '../../certs/trust';
import { arr, flag, nonEmpty, str, strList, truthy, type ConfigMap } from '../../config/values';
import type { LdapTarget } from '../../probes/ldap';
import type { BundleFiles } from '../../bundle/types';
import { userSearchDns } from './dn';
import { andFilters, escapeFilterValue, filterSyntaxError, wrapLikeQuay } from './filter';

/** Keys Quay reads for LDAP auth (data/users/__init__.py `get_users_handler`). */
export const LDAP_KEYS = [
  'LDAP_URI',
  'LDAP_ADMIN_DN',
  'LDAP_ADMIN_PASSWD',
  'LDAP_BASE_DN',
  'LDAP_USER_RDN',
  'LDAP_SECONDARY_USER_RDNS',
  'LDAP_UID_ATTR',
  'LDAP_EMAIL_ATTR',
  'LDAP_MEMBEROF_ATTR',
  'LDAP_USER_FILTER',
  'LDAP_SUPERUSER_FILTER',
  'LDAP_GLOBAL_READONLY_SUPERUSER_FILTER',
  'LDAP_RESTRICTED_USER_FILTER',
  'LDAP_ALLOW_INSECURE_FALLBACK',
  'LDAP_TIMEOUT',
  'LDAP_NETWORK_TIMEOUT',
  'LDAP_FOLLOW_REFERRALS',
  'FEATURE_LDAP_CACHING',
  'LDAP_CACHE_TTL',
  'LDAP_CONNECTION_POOLING',
  'LDAP_POOL_SIZE',
  'LDAP_POOL_MAX_WAIT',
  'LDAP_POOL_CONNECTION_LIFETIME',
] as const;

/** Filters that narrow the user filter for a role; each is checked to match somebody. */
export const ROLE_FILTER_KEYS = ['LDAP_SUPERUSER_FILTER', 'LDAP_GLOBAL_READONLY_SUPERUSER_FILTER', 'LDAP_RESTRICTED_USER_FILTER'] as const;

/** The filters whose syntax is checked, in the order they are reported. */
export const FILTER_KEYS = ['LDAP_USER_FILTER', ...ROLE_FILTER_KEYS] as const;

/** Keys the live check depends on: it does not run when a rule already failed on one of them. */
export const LDAP_PROBE_FIELDS = [
  'LDAP_URI',
  'LDAP_ADMIN_DN',
  'LDAP_ADMIN_PASSWD',
  'LDAP_BASE_DN',
  'LDAP_USER_RDN',
  'LDAP_SECONDARY_USER_RDNS',
  'LDAP_UID_ATTR',
  'LDAP_EMAIL_ATTR',
  'LDAP_USER_FILTER',
  'ldap.crt',
];

/** Quay's default when LDAP_URI is absent. */
export const DEFAULT_LDAP_URI = 'ldap://localhost';

/** A configured filter in the form Quay uses, or undefined when unset, empty or invalid. */
export function usableFilter(config: ConfigMap, key: string): string | undefined {
  const raw = nonEmpty(config, key);
  if (raw === undefined) return undefined;
  const wrapped = wrapLikeQuay(raw);
  return filterSyntaxError(wrapped) === undefined ? wrapped : undefined;
}

/**
 * What the live LDAP check needs, read the way Quay reads it (defaults included), or undefined
 * when a required value is missing or of the wrong type (the rules report that).
 */
export function readLdapTarget(config: ConfigMap, files: BundleFiles): LdapTarget | undefined {
  const uri = config.LDAP_URI === undefined || config.LDAP_URI === null ? DEFAULT_LDAP_URI : nonEmpty(config, 'LDAP_URI');
  const adminDn = nonEmpty(config, 'LDAP_ADMIN_DN');
  const adminPassword = str(config, 'LDAP_ADMIN_PASSWD');
  const baseDn = strList(config, 'LDAP_BASE_DN');
  const userRdn = arr(config, 'LDAP_USER_RDN') === undefined ? [] : strList(config, 'LDAP_USER_RDN');
  const secondary = arr(config, 'LDAP_SECONDARY_USER_RDNS') === undefined ? [] : strList(config, 'LDAP_SECONDARY_USER_RDNS');
  if (!uri || !adminDn || !adminPassword || !baseDn || baseDn.length === 0 || !userRdn || !secondary) return undefined;

  const uidAttr = nonEmpty(config, 'LDAP_UID_ATTR') ?? 'uid';
  const emailAttr = nonEmpty(config, 'LDAP_EMAIL_ATTR') ?? 'mail';
  const userFilter = usableFilter(config, 'LDAP_USER_FILTER');
  const dns = userSearchDns(baseDn, userRdn, secondary);
  const ldapCrt = files.get('ldap.crt');
  const superUsers = (arr(config, 'SUPER_USERS') ?? []).flatMap((name, i) => (typeof name === 'string' && name.trim() !== '' ? [{ path: `SUPER_USERS[${i}]`, name }] : []));
  return {
    uri,
    adminDn,
    adminPassword,
    baseDn: baseDn.join(','),
    userDns: dns.map((dn, i) => ({ dn, field: i === 0 ? 'LDAP_USER_RDN' : `LDAP_SECONDARY_USER_RDNS[${i - 1}]` })),
    uidAttr,
    emailAttr,
    // Quay only demands an e-mail attribute when mailing is on (features.MAILING, default True).
    requireEmail: flag(config, 'FEATURE_MAILING', true),
    userFilter: andFilters([`(${uidAttr}=*)`, ...(userFilter ? [userFilter] : [])]),
    userFilterKey: userFilter ? 'LDAP_USER_FILTER' : undefined,
    roleFilters: ROLE_FILTER_KEYS.flatMap((key) => {
      const f = usableFilter(config, key);
      return f ? [{ key, filter: f }] : [];
    }),
    superUsers: superUsers.map((u) => ({
      ...u,
      // Quay's `_ldap_user_search_with_rdn`: the name may be the uid or the e-mail address.
      filter: andFilters([`(|(${uidAttr}=${escapeFilterValue(u.name)})(${emailAttr}=${escapeFilterValue(u.name)}))`, ...(userFilter ? [userFilter] : [])]),
    })),
    caPems: ldapCrt ? pemCertificates(Buffer.from(ldapCrt).toString('latin1')) : [],
    allowInsecureFallback: truthy(config.LDAP_ALLOW_INSECURE_FALLBACK),
  };
}
