import { defineFieldGroup } from './define';

export const ldap = defineFieldGroup({
  id: 'LDAP',
  title: 'LDAP authentication',
  keys: [
    'LDAP_URI',
    'LDAP_ADMIN_DN',
    'LDAP_ADMIN_PASSWD',
    'LDAP_BASE_DN',
    'LDAP_USER_RDN',
    'LDAP_SECONDARY_USER_RDNS',
    'LDAP_UID_ATTR',
    'LDAP_EMAIL_ATTR',
    'LDAP_USER_FILTER',
    'LDAP_SUPERUSER_FILTER',
    'LDAP_RESTRICTED_USER_FILTER',
    'LDAP_ALLOW_INSECURE_FALLBACK',
    'LDAP_MEMBERSHIP_ATTR',
    'LDAP_TIMEOUT',
    'LDAP_NETWORK_TIMEOUT',
    'LDAP_REFERRALS',
    'FEATURE_LDAP_CACHING',
  ],
  skipReason: () => null,
  rules: () => [],
});
