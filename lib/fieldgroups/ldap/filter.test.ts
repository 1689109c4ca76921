import { describe, expect, it } from 'vitest';
import { andFilters, escapeFilterValue, filterSyntaxError, wrapLikeQuay } from './filter';

describe('filterSyntaxError (RFC 4515, as Quay combines filters)', () => {
  it.each([
    '(uid=*)',
    '(&(objectClass=person)(mail=*))',
    '(|(memberOf=cn=a,ou=groups,dc=example,dc=org)(memberOf=cn=b,ou=groups,dc=example,dc=org))',
    '(!(nsAccountLock=TRUE))',
    '(cn=Jo*n*Sm*)',
    '(uid~=jon)',
    '(uidNumber>=1000)',
    '(uidNumber<=2000)',
    '(memberOf:1.2.840.113556.1.4.1941:=cn=quay,ou=groups,dc=example,dc=org)',
    '(cn:dn:=users)',
    '(:dn:2.5.13.5:=John)',
    '(cn=a\\28b\\29)',
    '(cn=star\\*)',
    '(& (uid=*) (mail=*) )',
    '(objectClass=person)(mail=*)',
    '(2.5.4.3=x)',
    '(cn;lang-en=x)',
    '(mail=)',
  ])('accepts %s', (f) => {
    expect(filterSyntaxError(f)).toBeUndefined();
  });

  it.each([
    ['', 'the filter is empty'],
    ['(&(uid=*)', 'missing ")" at the end'],
    ['(uid=*))', 'text after the closing parenthesis'],
    ['((uid=*))', 'an attribute name is missing'],
    ['(=x)', 'an attribute name is missing'],
    ['(&)', '"&" needs at least one filter in parentheses'],
    ['(u$d=1)', '"u$d" is not a valid attribute name'],
    ['(uid~1)', '"~" must be followed by "="'],
    ['(uid)', '"uid" must be followed by "=", "~=", ">=" or "<="'],
    ['(cn=a(b)', 'unescaped "(" in a value'],
    ['(cn=a\\zz)', '"\\" must be followed by two hex digits'],
    ['(uid>=*)', '"*" is only allowed after "="'],
    ['(:=x)', 'an extensible match needs an attribute or a matching rule'],
    ['(cn:dn=x)', 'an extensible match needs ":="'],
    ['(uid=*) junk', 'text after the closing parenthesis'],
  ])('rejects %j: %s', (f, why) => {
    expect(filterSyntaxError(f)).toContain(why);
  });
});

describe('Quay filter helpers', () => {
  it('wraps a filter in parentheses unless it starts with ( and ends with ), like _add_filter', () => {
    expect(wrapLikeQuay('memberOf=cn=quay,dc=example,dc=org')).toBe('(memberOf=cn=quay,dc=example,dc=org)');
    expect(wrapLikeQuay('(uid=*)')).toBe('(uid=*)');
  });

  it('ANDs several filters and leaves a single one alone', () => {
    expect(andFilters(['(uid=*)'])).toBe('(uid=*)');
    expect(andFilters(['(uid=*)', '(mail=*)'])).toBe('(&(uid=*)(mail=*))');
  });

  it('escapes the characters RFC 4515 reserves, as python-ldap does', () => {
    expect(escapeFilterValue('a*b(c)d\\e\0')).toBe('a\\2ab\\28c\\29d\\5ce\\00');
  });
});
