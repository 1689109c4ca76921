import type { Client, Entry } from 'ldapts';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { LDAP_CODES, errorText, ldapCode } from './session';
import type { LdapTarget } from './types';

/** Users sampled per search DN: enough to judge the attributes, small enough to stay fast. */
const SAMPLE_SIZE = 5;
/** At most this many SUPER_USERS entries are looked up (one search each). */
const MAX_SUPERUSER_LOOKUPS = 50;

type Search = { entries: Entry[]; missing: false } | { entries: []; missing: true };

/** A subtree search; a base that does not exist (noSuchObject) is an answer, any other failure throws. */
async function search(client: Client, base: string, filter: string, attributes: string[], sizeLimit: number, scope: 'base' | 'one' | 'sub' = 'sub'): Promise<Search> {
  try {
    const r = await client.search(base, { scope, filter, attributes, sizeLimit });
    return { entries: r.searchEntries, missing: false };
  } catch (e) {
    if (ldapCode(e) === LDAP_CODES.noSuchObject) return { entries: [], missing: true };
    throw e;
  }
}

/** True when the entry has a non-empty value for `attr` (attribute names are case-insensitive). */
function hasValue(entry: Entry, attr: string): boolean {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attr.toLowerCase());
  const v = key === undefined ? undefined : entry[key];
  return v !== undefined && v.length > 0;
}

/** Whether any of the existing user DNs has an entry matching `filter`. */
async function anyMatch(client: Client, dns: string[], filter: string): Promise<boolean> {
  for (const dn of dns) {
    if ((await search(client, dn, filter, ['1.1'], 1)).entries.length > 0) return true;
  }
  return false;
}

/**
 * What Quay needs from the directory once the admin bind works: the base DN exists, the user DNs
 * exist and hold users the (combined) user filter matches, those users carry the uid and e-mail
 * attributes, every SUPER_USERS entry can be found, and each role filter matches somebody.
 */
export async function checkDirectory(client: Client, t: LdapTarget): Promise<Finding[]> {
  const base = await search(client, t.baseDn, '(objectClass=*)', ['1.1'], 1, 'base');
  if (base.missing) {
    return [
      error('LDAP_BASE_DN', `LDAP_BASE_DN "${t.baseDn}" does not exist on ${t.uri}`, {
        code: 'ldap-base-dn-not-found',
        stage: 'semantic',
        hint: 'list the base DN pieces in order, e.g. ["dc=example", "dc=org"]',
      }),
    ];
  }
  const findings: Finding[] = [];
  const existing: string[] = [];
  const users: Entry[] = [];
  for (const [i, { dn, field }] of t.userDns.entries()) {
    const r = await search(client, dn, t.userFilter, [t.uidAttr, t.emailAttr], SAMPLE_SIZE);
    if (r.missing) {
      const make = i === 0 ? error : warning;
      findings.push(make(field, `${field}: "${dn}" does not exist on ${t.uri}, so Quay cannot find users there`, { code: 'ldap-user-dn-not-found', stage: 'semantic' }));
      continue;
    }
    existing.push(dn);
    users.push(...r.entries);
  }
  if (existing.length === 0) return findings;

  if (users.length === 0) findings.push(await diagnoseNoUsers(client, t, existing));
  else findings.push(...attributeFindings(t, users));

  for (const role of t.roleFilters) {
    if (!(await anyMatch(client, existing, `(&${t.userFilter}${role.filter})`))) {
      findings.push(warning(role.key, `${role.key} ${role.filter} matches none of the users under ${existing.join('; ')}`, { code: 'ldap-filter-matches-nobody', stage: 'semantic' }));
    }
  }
  for (const su of t.superUsers.slice(0, MAX_SUPERUSER_LOOKUPS)) {
    if (!(await anyMatch(client, existing, su.filter))) {
      findings.push(
        warning(su.path, `${su.path}: no LDAP user "${su.name}" (by ${t.uidAttr} or ${t.emailAttr}) under ${existing.join('; ')}`, {
          code: 'superuser-not-found',
          stage: 'semantic',
          hint: 'SUPER_USERS holds Quay user names; for LDAP users that is the uid, with characters Quay does not allow (such as ".") turned into "_"',
        }),
      );
    }
  }
  return findings;
}

async function diagnoseNoUsers(client: Client, t: LdapTarget, dns: string[]): Promise<Finding> {
  const where = dns.join('; ');
  if (t.userFilterKey && (await anyMatch(client, dns, `(${t.uidAttr}=*)`))) {
    return warning(t.userFilterKey, `LDAP_USER_FILTER matches none of the users under ${where} (searched with ${t.userFilter}): nobody could log in`, {
      code: 'ldap-filter-matches-nobody',
      stage: 'semantic',
    });
  }
  for (const dn of dns) {
    const entries = (await search(client, dn, '(objectClass=*)', ['1.1'], 2, 'one')).entries;
    if (entries.length > 0) {
      return warning('LDAP_UID_ATTR', `entries exist under ${dn} but none has the attribute "${t.uidAttr}" (LDAP_UID_ATTR)`, {
        code: 'ldap-uid-attr-missing',
        stage: 'semantic',
        hint: 'Active Directory uses sAMAccountName, OpenLDAP uses uid',
      });
    }
  }
  return warning(['LDAP_BASE_DN', 'LDAP_USER_RDN'], `no user entries under ${where} match ${t.userFilter}: nobody can log in to Quay yet`, {
    code: 'ldap-no-users',
    stage: 'semantic',
    hint: 'check LDAP_BASE_DN and LDAP_USER_RDN, or add the users first',
  });
}

function attributeFindings(t: LdapTarget, users: Entry[]): Finding[] {
  const findings: Finding[] = [];
  const noUid = users.filter((u) => !hasValue(u, t.uidAttr));
  if (noUid.length > 0) {
    findings.push(
      warning('LDAP_UID_ATTR', `${noUid.length} of ${users.length} users found return no "${t.uidAttr}" value (e.g. ${noUid[0]?.dn}): the admin DN may not be allowed to read it`, {
        code: 'ldap-uid-attr-missing',
        stage: 'semantic',
      }),
    );
  }
  const noMail = users.filter((u) => !hasValue(u, t.emailAttr));
  if (t.requireEmail && noMail.length > 0) {
    findings.push(
      warning('LDAP_EMAIL_ATTR', `${noMail.length} of ${users.length} users found have no "${t.emailAttr}" attribute (e.g. ${noMail[0]?.dn}): Quay refuses their login while FEATURE_MAILING is on`, {
        code: 'ldap-email-attr-missing',
        stage: 'semantic',
        hint: 'set LDAP_EMAIL_ATTR to the attribute holding e-mail addresses, or give those users one',
      }),
    );
  }
  return findings;
}

/** A search that failed for another reason than a missing DN, on the admin DN or the URI. */
export function searchFailure(e: unknown, uri: string): Finding {
  if (ldapCode(e) === LDAP_CODES.insufficientAccess) {
    return error('LDAP_ADMIN_DN', `LDAP server ${uri}: LDAP_ADMIN_DN may not search the directory (insufficient access)`, { code: 'ldap-search-denied', stage: 'semantic' });
  }
  return error('LDAP_URI', `LDAP server ${uri}: a search failed: ${errorText(e).split('\n')[0] ?? ''}`, { code: 'ldap-search-failed', stage: 'semantic' });
}
