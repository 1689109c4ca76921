import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../config/values';
import { bundleFiles, testCa, testLeaf } from '../../certs/test-pki';
import { hostSettings } from './index';
import { parseServerHostname } from './server-hostname';

const DAY = 86_400_000;
const now = new Date('2030-06-15T12:00:00Z');
const HOST = 'quay.example.com';

const ca = testCa('Corp Root CA', { now });
const intermediate = testLeaf(ca, { now, commonName: 'Corp Issuing CA', isCA: true, keyUsage: ['keyCertSign'], extKeyUsage: [] });
const leaf = testLeaf(ca, { now, dnsNames: [HOST] });
const chained = testLeaf(intermediate, { now, dnsNames: [HOST] });
const selfSigned = testLeaf(null, { now, dnsNames: [HOST] });
const wildcard = testLeaf(ca, { now, dnsNames: ['*.example.com'] });
const other = testLeaf(ca, { now, dnsNames: ['other.example.com'] });
const cnOnly = testLeaf(ca, { now, commonName: HOST, dnsNames: [] });
const expired = testLeaf(ca, { now, dnsNames: [HOST], notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - DAY) });
const expiring = testLeaf(ca, { now, dnsNames: [HOST], notAfter: new Date(now.getTime() + 10 * DAY) });
const future = testLeaf(ca, { now, dnsNames: [HOST], notBefore: new Date(now.getTime() + DAY), notAfter: new Date(now.getTime() + 90 * DAY) });
const clientOnly = testLeaf(ca, { now, dnsNames: [HOST], extKeyUsage: ['clientAuth'] });

const https: ConfigMap = { SERVER_HOSTNAME: HOST, PREFERRED_URL_SCHEME: 'https' };
const trusted = { 'extra_ca_certs/corp.crt': ca.certPem };

type Row = [string, ConfigMap, Record<string, string | Uint8Array>, Array<[code: string, fields: string[], severity: 'error' | 'warning']>];

function run(config: ConfigMap, files: Record<string, string | Uint8Array>) {
  return hostSettings.rules({ config, files: bundleFiles(files), now }).map((f) => [f.code, f.fields, f.severity, f.stage]);
}

describe('HostSettings: SERVER_HOSTNAME and scheme', () => {
  it.each<Row>([
    ['ok with https and a trusted certificate', https, { 'ssl.cert': leaf.certPem, 'ssl.key': leaf.privatePem, ...trusted }, []],
    ['missing hostname', { PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, [['required', ['SERVER_HOSTNAME'], 'error']]],
    ['hostname with port is fine', { SERVER_HOSTNAME: `${HOST}:8443`, PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, []],
    ['scheme in hostname', { SERVER_HOSTNAME: `https://${HOST}`, PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, [['hostname-has-scheme', ['SERVER_HOSTNAME'], 'error']]],
    ['path in hostname', { SERVER_HOSTNAME: `${HOST}/quay`, PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, [['hostname-invalid', ['SERVER_HOSTNAME'], 'error']]],
    ['port out of range', { SERVER_HOSTNAME: `${HOST}:70000`, PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, [['hostname-invalid', ['SERVER_HOSTNAME'], 'error']]],
    ['single label', { SERVER_HOSTNAME: 'quay:8080', PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, [['hostname-single-label', ['SERVER_HOSTNAME'], 'error']]],
    ['localhost is fine', { SERVER_HOSTNAME: 'localhost:8080', PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, []],
    ['quay.io', { SERVER_HOSTNAME: 'quay.io', PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true }, {}, [['hostname-quay-io', ['SERVER_HOSTNAME'], 'warning']]],
    ['bad scheme', { SERVER_HOSTNAME: HOST, PREFERRED_URL_SCHEME: 'ftp' }, {}, [['invalid-scheme', ['PREFERRED_URL_SCHEME'], 'error']]],
    ['http (also the default)', { SERVER_HOSTNAME: HOST }, {}, [['http-not-for-production', ['PREFERRED_URL_SCHEME'], 'warning']]],
    [
      'external TLS with http',
      { SERVER_HOSTNAME: HOST, PREFERRED_URL_SCHEME: 'http', EXTERNAL_TLS_TERMINATION: true },
      {},
      [['external-tls-needs-https', ['PREFERRED_URL_SCHEME', 'EXTERNAL_TLS_TERMINATION'], 'warning']],
    ],
    ['wrong types are left to the Schema check', { SERVER_HOSTNAME: 42, PREFERRED_URL_SCHEME: 7, EXTERNAL_TLS_TERMINATION: true }, {}, []],
  ])('%s', (_name, config, files, expected) => {
    expect(run(config, files)).toEqual(expected.map(([c, f, s]) => [c, f, s, 'config']));
  });

  it('a single-label name is refused from Quay 3.18 on (config-tool 7e65309d0) and only warned about before', () => {
    const config = { SERVER_HOSTNAME: 'quay:8080', PREFERRED_URL_SCHEME: 'https', EXTERNAL_TLS_TERMINATION: true };
    const at = (release: string) => hostSettings.rules({ config, files: bundleFiles({}), now, release }).map((f) => [f.code, f.severity]);
    expect(at('3.17')).toEqual([['hostname-single-label', 'warning']]);
    expect(at('3.18')).toEqual([['hostname-single-label', 'error']]);
    expect(at('head')).toEqual([['hostname-single-label', 'error']]);
  });

  it.each([
    ['quay.example.com', { host: 'quay.example.com', kind: 'dns' }],
    ['10.0.0.5:443', { host: '10.0.0.5', port: 443, kind: 'ipv4' }],
    ['[::1]:8443', { host: '::1', port: 8443, kind: 'ipv6' }],
    ['999.1.1.1', undefined],
    ['-bad.example.com', undefined],
    ['quay_1.example.com', undefined],
  ])('parses %s', (text, parsed) => {
    expect(parseServerHostname(text)).toEqual(parsed);
  });
});

describe('HostSettings: ssl.cert and ssl.key', () => {
  const pair = (c: { certPem: string; privatePem: string }) => ({ 'ssl.cert': c.certPem, 'ssl.key': c.privatePem });
  it.each<Row>([
    [
      'both files missing',
      https,
      {},
      [
        ['required', ['ssl.cert'], 'error'],
        ['required', ['ssl.key'], 'error'],
      ],
    ],
    ['garbage certificate', https, { 'ssl.cert': 'not a cert', 'ssl.key': leaf.privatePem }, [['ssl-cert-unparsable', ['ssl.cert'], 'error']]],
    ['DER certificate', https, { 'ssl.cert': new Uint8Array([0x30, 0x82, 0x01, 0x00, 0x00, 0x01]), 'ssl.key': leaf.privatePem }, [['ssl-cert-unparsable', ['ssl.cert'], 'error']]],
    ['garbage key', https, { 'ssl.cert': leaf.certPem, 'ssl.key': 'nope' }, [['ssl-key-unparsable', ['ssl.key'], 'error']]],
    [
      'encrypted key',
      https,
      { 'ssl.cert': leaf.certPem, 'ssl.key': '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMII=\n-----END ENCRYPTED PRIVATE KEY-----\n' },
      [['ssl-key-encrypted', ['ssl.key'], 'error']],
    ],
    ['key of another certificate', https, { 'ssl.cert': leaf.certPem, 'ssl.key': other.privatePem, ...trusted }, [['ssl-key-mismatch', ['ssl.key', 'ssl.cert'], 'error']]],
    ['CA first in ssl.cert', https, { 'ssl.cert': ca.certPem + leaf.certPem, 'ssl.key': leaf.privatePem, ...trusted }, [['ssl-cert-order', ['ssl.cert'], 'error']]],
    ['hostname mismatch', https, { ...pair(other), ...trusted }, [['ssl-hostname-mismatch', ['ssl.cert', 'SERVER_HOSTNAME'], 'error']]],
    ['hostname match ignores the port', { ...https, SERVER_HOSTNAME: `${HOST}:8443` }, { ...pair(leaf), ...trusted }, []],
    ['wildcard match', https, { ...pair(wildcard), ...trusted }, []],
    ['CN-only certificate', https, { ...pair(cnOnly), ...trusted }, [['ssl-cert-cn-only', ['ssl.cert'], 'error']]],
    ['expired', https, { ...pair(expired), ...trusted }, [['ssl-cert-expired', ['ssl.cert'], 'error']]],
    ['expiring within 30 days', https, { ...pair(expiring), ...trusted }, [['ssl-cert-expiring', ['ssl.cert'], 'warning']]],
    ['not yet valid', https, { ...pair(future), ...trusted }, [['ssl-cert-not-yet-valid', ['ssl.cert'], 'error']]],
    ['client-only usage', https, { ...pair(clientOnly), ...trusted }, [['ssl-cert-not-server-auth', ['ssl.cert'], 'error']]],
    ['issuer not in extra_ca_certs', https, pair(leaf), [['ssl-chain-incomplete', ['ssl.cert'], 'warning']]],
    ['intermediate missing', https, { ...pair(chained), ...trusted }, [['ssl-chain-incomplete', ['ssl.cert'], 'warning']]],
    ['chain carried in ssl.cert', https, { 'ssl.cert': chained.certPem + intermediate.certPem, 'ssl.key': chained.privatePem, ...trusted }, []],
    ['private root carried in ssl.cert only', https, { 'ssl.cert': leaf.certPem + ca.certPem, 'ssl.key': leaf.privatePem }, [['ssl-ca-not-trusted', ['ssl.cert'], 'warning']]],
    ['self-signed, not in extra_ca_certs', https, pair(selfSigned), [['ssl-cert-self-signed', ['ssl.cert'], 'warning']]],
    ['self-signed, copy in extra_ca_certs', https, { ...pair(selfSigned), 'extra_ca_certs/self.crt': selfSigned.certPem }, []],
    ['key in the certificate file', https, { 'ssl.cert': leaf.certPem + leaf.privatePem, 'ssl.key': leaf.privatePem, ...trusted }, [['private-key-in-cert-file', ['ssl.cert'], 'warning']]],
  ])('%s', (_name, config, files, expected) => {
    expect(run(config, files)).toEqual(expected.map(([c, f, s]) => [c, f, s, 'config']));
  });
});

describe('HostSettings: TLS files when Quay does not terminate https itself', () => {
  const external: ConfigMap = { ...https, EXTERNAL_TLS_TERMINATION: true };
  it.each<Row>([
    ['external TLS without files', external, {}, []],
    ['external TLS with files', external, { 'ssl.cert': leaf.certPem, 'ssl.key': leaf.privatePem }, [['ssl-cert-with-external-tls', ['ssl.cert', 'EXTERNAL_TLS_TERMINATION'], 'warning']]],
    [
      'external TLS, expired files: a warning only',
      external,
      { 'ssl.cert': expired.certPem, 'ssl.key': expired.privatePem },
      [
        ['ssl-cert-with-external-tls', ['ssl.cert', 'EXTERNAL_TLS_TERMINATION'], 'warning'],
        ['ssl-cert-expired', ['ssl.cert'], 'warning'],
      ],
    ],
    [
      'external TLS, mismatched pair still breaks nginx',
      external,
      { 'ssl.cert': leaf.certPem, 'ssl.key': other.privatePem },
      [
        ['ssl-key-mismatch', ['ssl.key', 'ssl.cert'], 'error'],
        ['ssl-cert-with-external-tls', ['ssl.cert', 'EXTERNAL_TLS_TERMINATION'], 'warning'],
      ],
    ],
    [
      'key without certificate',
      { SERVER_HOSTNAME: HOST },
      { 'ssl.key': leaf.privatePem },
      [
        ['required', ['ssl.cert'], 'error'],
        ['scheme-http-with-tls-files', ['PREFERRED_URL_SCHEME'], 'warning'],
      ],
    ],
    [
      'certificate without key',
      { SERVER_HOSTNAME: HOST },
      { 'ssl.cert': leaf.certPem },
      [
        ['http-not-for-production', ['PREFERRED_URL_SCHEME'], 'warning'],
        ['ssl-cert-unused', ['ssl.cert'], 'warning'],
      ],
    ],
  ])('%s', (_name, config, files, expected) => {
    const got = run(config, files);
    expect([...got].sort()).toEqual(expected.map(([c, f, s]) => [c, f, s, 'config']).sort());
  });

  it("names the certificate's own names in a mismatch message", () => {
    const [f] = hostSettings.rules({ config: https, files: bundleFiles({ ...pair(other), ...trusted }), now });
    expect(f?.message).toBe('ssl.cert is for other.example.com, not for SERVER_HOSTNAME "quay.example.com"');
  });
});

function pair(c: { certPem: string; privatePem: string }) {
  return { 'ssl.cert': c.certPem, 'ssl.key': c.privatePem };
}
