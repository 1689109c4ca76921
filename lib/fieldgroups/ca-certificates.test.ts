import { describe, expect, it } from 'vitest';
import { bundleFiles, testCa, testLeaf } from '../certs/test-pki';
import { caCertificates, certificateFiles } from './ca-certificates';

const DAY = 86_400_000;
const now = new Date('2030-06-15T12:00:00Z');
const ca = testCa('Corp Root CA', { now });
const ca2 = testCa('Other Root CA', { now });
const expiredCa = testCa('Old Root CA', { now, notBefore: new Date(now.getTime() - 800 * DAY), notAfter: new Date(now.getTime() - DAY) });
const leaf = testLeaf(ca, { now, dnsNames: ['ldap.example.com'] });
const selfSigned = testLeaf(null, { now, dnsNames: ['db.example.com'] });
const garbageCert = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const der = Buffer.from(ca.certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');

type Row = [string, Record<string, string | Uint8Array>, Array<[code: string, fields: string[], severity: 'error' | 'warning']>];

describe('CACertificates rules', () => {
  it.each<Row>([
    ['no certificate files', { 'config.txt': 'x' }, []],
    ['one good CA', { 'extra_ca_certs/corp.crt': ca.certPem }, []],
    ['several CAs in one file', { 'extra_ca_certs/bundle.pem': ca.certPem + ca2.certPem }, []],
    ['flattened extra_ca_cert_ prefix and service CA files', { extra_ca_cert_corp: ca.certPem, 'ldap.crt': ca2.certPem, 'database.pem': leaf.certPem }, []],
    ['garbage text', { 'extra_ca_certs/junk.crt': 'hello world' }, [['not-a-certificate', ['extra_ca_certs/junk.crt'], 'error']]],
    ['binary garbage', { 'ldap.crt': new Uint8Array([0, 1, 2, 3]) }, [['not-a-certificate', ['ldap.crt'], 'error']]],
    ['DER instead of PEM', { 'extra_ca_certs/corp.der.crt': new Uint8Array(der) }, [['not-pem', ['extra_ca_certs/corp.der.crt'], 'error']]],
    ['broken PEM block', { 'extra_ca_certs/corp.crt': ca.certPem + garbageCert }, [['certificate-unparsable', ['extra_ca_certs/corp.crt'], 'error']]],
    ['private key in the CA folder', { 'extra_ca_certs/corp.crt': ca.certPem + ca.privatePem }, [['private-key-in-ca-folder', ['extra_ca_certs/corp.crt'], 'error']]],
    [
      'key-only file in the CA folder',
      { 'extra_ca_certs/corp.key.pem': ca.privatePem },
      [
        ['private-key-in-ca-folder', ['extra_ca_certs/corp.key.pem'], 'error'],
        ['not-a-certificate', ['extra_ca_certs/corp.key.pem'], 'error'],
      ],
    ],
    ['key-only .pem elsewhere is not a certificate file', { 'signing.pem': ca.privatePem }, []],
    ['expired CA', { 'extra_ca_certs/old.crt': expiredCa.certPem }, [['certificate-expired', ['extra_ca_certs/old.crt'], 'warning']]],
    ['server certificate in the CA folder', { 'extra_ca_certs/ldap.crt': leaf.certPem }, [['not-a-ca', ['extra_ca_certs/ldap.crt'], 'warning']]],
    ['self-signed server certificate in the CA folder', { 'extra_ca_certs/db.crt': selfSigned.certPem }, [['not-a-ca', ['extra_ca_certs/db.crt'], 'warning']]],
    ['duplicate across files', { 'extra_ca_certs/a.crt': ca.certPem, 'extra_ca_certs/b.crt': ca.certPem }, [['duplicate-certificate', ['extra_ca_certs/b.crt'], 'warning']]],
    ['one internal CA as database.pem, ldap.crt and in extra_ca_certs (the usual layout)', { 'database.pem': ca.certPem, 'ldap.crt': ca.certPem, 'extra_ca_certs/corp.crt': ca.certPem }, []],
    ['empty file', { 'extra_ca_certs/empty.crt': '' }, [['empty-file', ['extra_ca_certs/empty.crt'], 'warning']]],
    ['ssl.cert and ssl.key are left to HostSettings', { 'ssl.cert': 'garbage', 'ssl.key': 'garbage' }, []],
  ])('%s', (_name, files, expected) => {
    const got = caCertificates.rules({ config: {}, files: bundleFiles(files), now }).map((f) => [f.code, f.fields, f.severity, f.stage]);
    expect(got).toEqual(expected.map(([c, f, s]) => [c, f, s, 'config']));
  });

  it('is never skipped', () => {
    expect(caCertificates.skipReason({ config: {}, files: new Map(), now })).toBeNull();
  });

  it('finds every certificate-like file', () => {
    const files = bundleFiles({
      'ssl.cert': '',
      'extra_ca_certs/a.crt': '',
      extra_ca_cert_b: '',
      'ldap.crt': '',
      'x-cloudfront-signing-key.pem': '',
      'other.cer': '',
      'jwt-authn.cert': '',
      'config.yaml': '',
    });
    expect(certificateFiles(files)).toEqual(['extra_ca_cert_b', 'extra_ca_certs/a.crt', 'ldap.crt', 'other.cer']);
  });

  it("names the duplicate's first file in the message", () => {
    const [f] = caCertificates.rules({ config: {}, files: bundleFiles({ 'extra_ca_certs/a.crt': ca.certPem, 'extra_ca_certs/b.crt': ca.certPem }), now });
    expect(f?.message).toBe('extra_ca_certs/b.crt repeats CN=Corp Root CA, already in extra_ca_certs/a.crt');
  });
});
