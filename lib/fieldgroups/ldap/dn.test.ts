import { describe, expect, it } from 'vitest';
import { dnSyntaxError, userSearchDns } from './dn';

describe('dnSyntaxError', () => {
  it.each([
    'cn=admin,dc=example,dc=org',
    'cn=admin, dc=example, dc=org',
    'CN=Quay Service,OU=Service Accounts,DC=corp,DC=example,DC=com',
    'uid=jdoe+cn=John Doe,ou=people,dc=example,dc=org',
    'cn=Doe\\, John,ou=people,dc=example,dc=org',
    'cn="Doe, John",ou=people',
    'cn=#04024869,dc=example',
    '2.5.4.3=admin,dc=example',
    'cn=a\\2cb,dc=example',
    '',
  ])('accepts %j', (dn) => {
    expect(dnSyntaxError(dn)).toBeUndefined();
  });

  it.each([
    ['admin', 'has no "="'],
    ['cn=admin,,dc=org', 'empty component'],
    ['cn=admin,dc=org,', 'empty component'],
    ['c n=admin', 'is not a valid attribute type'],
    ['cn=,dc=org', 'has an empty value'],
    ['cn=a\\qb', 'a "\\" that escapes nothing'],
    ['cn=#zz', 'a "#" value must be hex pairs'],
    ['cn="open', 'an unterminated quoted value'],
  ])('rejects %j (%s)', (dn, why) => {
    expect(dnSyntaxError(dn)).toContain(why);
  });
});

describe('userSearchDns', () => {
  it('joins the user RDN pieces and each secondary RDN with the base DN, as LDAPUsers does', () => {
    expect(userSearchDns(['dc=example', 'dc=org'], ['ou=people', 'ou=eng'], ['ou=contractors', 'ou=a,ou=b'])).toEqual([
      'ou=people,ou=eng,dc=example,dc=org',
      'ou=contractors,dc=example,dc=org',
      'ou=a,ou=b,dc=example,dc=org',
    ]);
  });

  it('searches the base DN itself when LDAP_USER_RDN is empty', () => {
    expect(userSearchDns(['dc=example', 'dc=org'], [], [])).toEqual(['dc=example,dc=org']);
  });
});
