import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConfigMap } from '../../config/values';
import { validateConfig } from '../../validation/run';
import type { Finding } from '../../report/types';
import { closedPort, startHangingServer, type HangingServer } from '../../../test/harness/scenarios';

interface SlapdInfo {
  uri: string;
  ldapsUri: string;
  wrongHostLdapsUri: string;
  baseDn: string[];
  userRdn: string[];
  adminDn: string;
  adminPassword: string;
  adminGroupDn: string;
}

const h = inject('harness');
const slapd = h.services.slapd as unknown as SlapdInfo;
const WRONG_PASSWORD = 'not-the-admin-pw-7f3a';

function config(over: ConfigMap = {}): ConfigMap {
  return {
    AUTHENTICATION_TYPE: 'LDAP',
    LDAP_URI: slapd.uri,
    LDAP_ADMIN_DN: slapd.adminDn,
    LDAP_ADMIN_PASSWD: slapd.adminPassword,
    LDAP_BASE_DN: slapd.baseDn,
    LDAP_USER_RDN: slapd.userRdn,
    LDAP_UID_ATTR: 'uid',
    LDAP_EMAIL_ATTR: 'mail',
    ...over,
  };
}

const bundle = (files: Record<string, string> = {}) => new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));

async function check(cfg: ConfigMap, files: Record<string, string> = {}): Promise<Finding[]> {
  const report = await validateConfig({ config: cfg, files: bundle(files) }, { mode: 'online', groups: ['LDAP'], timeoutMs: 1500 });
  const group = report.groups.find((g) => g.group === 'LDAP');
  const findings = group?.findings ?? [];
  const text = JSON.stringify(findings);
  expect(text).not.toContain(slapd.adminPassword);
  expect(text).not.toContain(WRONG_PASSWORD);
  return findings;
}

const brief = (fs: Finding[]) => fs.map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));

describe('LDAP probe against slapd', () => {
  let hanging: HangingServer;
  let closed: number;
  beforeAll(async () => {
    hanging = await startHangingServer();
    closed = await closedPort();
  });
  afterAll(async () => hanging.close());

  it.each([
    ['ldap://', () => ({ LDAP_URI: slapd.uri }), {}],
    ['ldaps:// with ldap.crt', () => ({ LDAP_URI: slapd.ldapsUri }), { 'ldap.crt': h.certs.caPem }],
    ['ldaps:// with extra_ca_certs/', () => ({ LDAP_URI: slapd.ldapsUri }), { 'extra_ca_certs/test-ca.crt': h.certs.caPem }],
  ])('accepts a correct config over %s', async (_name, over, files) => {
    expect(brief(await check(config(over()), files))).toEqual([]);
  });

  it.each([
    ['ldap://', () => slapd.uri],
    ['ldaps://', () => slapd.ldapsUri],
  ])('puts a rejected admin bind over %s on LDAP_ADMIN_DN/LDAP_ADMIN_PASSWD at the auth stage', async (_name, uri) => {
    const findings = await check(config({ LDAP_URI: uri(), LDAP_ADMIN_PASSWD: WRONG_PASSWORD }), { 'ldap.crt': h.certs.caPem });
    expect(brief(findings)).toEqual([{ code: 'ldap-bind-failed', fields: ['LDAP_ADMIN_DN', 'LDAP_ADMIN_PASSWD'], severity: 'error', stage: 'auth' }]);
  });

  it('reports a server certificate from another CA as untrusted (tls)', async () => {
    const findings = await check(config({ LDAP_URI: slapd.ldapsUri }), { 'ldap.crt': h.certs.otherCaPem });
    expect(brief(findings)).toEqual([{ code: 'tls-untrusted', fields: ['LDAP_URI'], severity: 'error', stage: 'tls' }]);
  });

  it('reports a certificate for another host name (tls)', async () => {
    const findings = await check(config({ LDAP_URI: slapd.wrongHostLdapsUri }), { 'ldap.crt': h.certs.caPem });
    expect(brief(findings)).toEqual([{ code: 'tls-hostname-mismatch', fields: ['LDAP_URI'], severity: 'error', stage: 'tls' }]);
  });

  it('with LDAP_ALLOW_INSECURE_FALLBACK, an untrusted certificate is a warning and the checks go on', async () => {
    const findings = await check(config({ LDAP_URI: slapd.ldapsUri, LDAP_ALLOW_INSECURE_FALLBACK: true }), { 'ldap.crt': h.certs.otherCaPem });
    expect(brief(findings)).toEqual([
      { code: 'ldap-insecure-fallback', fields: ['LDAP_ALLOW_INSECURE_FALLBACK'], severity: 'warning', stage: 'config' },
      { code: 'tls-untrusted', fields: ['LDAP_URI', 'LDAP_ALLOW_INSECURE_FALLBACK'], severity: 'warning', stage: 'tls' },
    ]);
  });

  it.each(['ldap', 'ldaps'])('reports a closed port at the tcp stage (%s://)', async (scheme) => {
    const findings = await check(config({ LDAP_URI: `${scheme}://127.0.0.1:${closed}` }));
    expect(brief(findings)).toEqual([{ code: 'connection-refused', fields: ['LDAP_URI'], severity: 'error', stage: 'tcp' }]);
  });

  it.each([
    ['ldap', 'auth'],
    ['ldaps', 'tls'],
  ])('reports a server that never answers as a timeout at the right stage (%s:// → %s)', async (scheme, stage) => {
    const findings = await check(config({ LDAP_URI: `${scheme}://127.0.0.1:${hanging.port}` }));
    expect(brief(findings)).toEqual([{ code: 'timeout', fields: ['LDAP_URI'], severity: 'error', stage }]);
    expect(hanging.accepted()).toBeGreaterThan(0);
  });

  it('reports a base DN that does not exist on LDAP_BASE_DN', async () => {
    const findings = await check(config({ LDAP_BASE_DN: ['dc=nowhere', 'dc=org'] }));
    expect(brief(findings)).toEqual([{ code: 'ldap-base-dn-not-found', fields: ['LDAP_BASE_DN'], severity: 'error', stage: 'semantic' }]);
  });

  it('reports a user RDN that does not exist on LDAP_USER_RDN', async () => {
    const findings = await check(config({ LDAP_USER_RDN: ['ou=missing'] }));
    expect(brief(findings)).toEqual([{ code: 'ldap-user-dn-not-found', fields: ['LDAP_USER_RDN'], severity: 'error', stage: 'semantic' }]);
  });

  it('warns about each SUPER_USERS entry not in the directory', async () => {
    const findings = await check(config({ SUPER_USERS: ['alice', 'nobody', 'bob@example.org'] }));
    expect(brief(findings)).toEqual([{ code: 'superuser-not-found', fields: ['SUPER_USERS[1]'], severity: 'warning', stage: 'semantic' }]);
  });

  it('warns when LDAP_USER_FILTER matches nobody', async () => {
    const findings = await check(config({ LDAP_USER_FILTER: '(uid=nobody)' }));
    expect(brief(findings)).toEqual([{ code: 'ldap-filter-matches-nobody', fields: ['LDAP_USER_FILTER'], severity: 'warning', stage: 'semantic' }]);
  });

  it('checks role filters: a memberOf filter that matches alice passes, one that matches nobody warns', async () => {
    const good = await check(config({ LDAP_SUPERUSER_FILTER: `(memberOf=${slapd.adminGroupDn})` }));
    expect(brief(good)).toEqual([]);
    const bad = await check(config({ LDAP_RESTRICTED_USER_FILTER: '(memberOf=cn=nobody,ou=groups,dc=example,dc=org)' }));
    expect(brief(bad)).toEqual([{ code: 'ldap-filter-matches-nobody', fields: ['LDAP_RESTRICTED_USER_FILTER'], severity: 'warning', stage: 'semantic' }]);
  });

  it('warns about users without the e-mail attribute only while FEATURE_MAILING is on', async () => {
    const findings = await check(config({ LDAP_USER_RDN: ['ou=nomail'] }));
    expect(brief(findings)).toEqual([{ code: 'ldap-email-attr-missing', fields: ['LDAP_EMAIL_ATTR'], severity: 'warning', stage: 'semantic' }]);
    expect(brief(await check(config({ LDAP_USER_RDN: ['ou=nomail'], FEATURE_MAILING: false })))).toEqual([]);
  });

  it('tells an empty user DN from a wrong uid attribute', async () => {
    const empty = await check(config({ LDAP_USER_RDN: ['ou=empty'] }));
    expect(brief(empty)).toEqual([{ code: 'ldap-no-users', fields: ['LDAP_BASE_DN', 'LDAP_USER_RDN'], severity: 'warning', stage: 'semantic' }]);
    const wrongAttr = await check(config({ LDAP_UID_ATTR: 'sAMAccountName' }));
    expect(brief(wrongAttr)).toEqual([{ code: 'ldap-uid-attr-missing', fields: ['LDAP_UID_ATTR'], severity: 'warning', stage: 'semantic' }]);
  });

  it('searches secondary RDNs and warns about one that does not exist', async () => {
    const findings = await check(config({ LDAP_SECONDARY_USER_RDNS: ['ou=nomail', 'ou=gone'], FEATURE_MAILING: false }));
    expect(brief(findings)).toEqual([{ code: 'ldap-user-dn-not-found', fields: ['LDAP_SECONDARY_USER_RDNS[1]'], severity: 'warning', stage: 'semantic' }]);
  });

  it('does not probe when an offline rule already failed on a key the probe needs', async () => {
    const findings = await check(config({ LDAP_URI: `ldap://127.0.0.1:${closed}`, LDAP_ADMIN_DN: 'not a dn' }));
    expect(brief(findings)).toEqual([{ code: 'ldap-dn-syntax', fields: ['LDAP_ADMIN_DN'], severity: 'error', stage: 'config' }]);
  });
});
