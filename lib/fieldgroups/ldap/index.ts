import { probeLdap } from '../../probes/ldap';
import { defineFieldGroup } from '../define';
import { ldapRules } from './rules';
import { LDAP_KEYS, LDAP_PROBE_FIELDS, readLdapTarget } from './settings';

/**
 * LDAP authentication (AUTHENTICATION_TYPE: LDAP): URI, admin bind, base/user DNs, attributes and
 * filters offline; live, the admin bind and the directory as Quay searches it.
 */
export const ldap = defineFieldGroup({
  id: 'LDAP',
  title: 'LDAP authentication',
  keys: LDAP_KEYS,
  skipReason: ({ config }) => (config.AUTHENTICATION_TYPE === 'LDAP' ? null : 'AUTHENTICATION_TYPE is not LDAP'),
  rules: ldapRules,
  probes: ({ config, files }) => {
    const target = readLdapTarget(config, files);
    return target ? [{ name: `LDAP server ${target.uri}`, fields: LDAP_PROBE_FIELDS, run: (ctx) => probeLdap(target, ctx) }] : [];
  },
});
