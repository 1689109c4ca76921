/** Everything the live LDAP check needs, read from the config the way Quay reads it. */
export interface LdapTarget {
  uri: string;
  adminDn: string;
  adminPassword: string;
  /** `LDAP_BASE_DN` pieces joined with commas. */
  baseDn: string;
  /** Where Quay looks for users, each with the key to blame when it does not exist. */
  userDns: { dn: string; field: string }[];
  uidAttr: string;
  emailAttr: string;
  /** Quay refuses users without an e-mail attribute when mailing is on. */
  requireEmail: boolean;
  /** `(&(<uid>=*)<LDAP_USER_FILTER>)`, as Quay combines them. */
  userFilter: string;
  /** `LDAP_USER_FILTER` when it is part of `userFilter`. */
  userFilterKey?: string;
  /** Superuser / restricted-user filters, already wrapped the way Quay wraps them. */
  roleFilters: { key: string; filter: string }[];
  /** `SUPER_USERS` entries with the filter Quay would look each of them up with. */
  superUsers: { path: string; name: string; filter: string }[];
  /** PEM certificates of `ldap.crt`, trusted on top of the system roots and extra_ca_certs. */
  caPems: string[];
  allowInsecureFallback: boolean;
}
