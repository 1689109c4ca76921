import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildChain, isIssuedBy, systemRoots } from './chain';
import { dnsNameMatches, matchCertificateHostname } from './hostname';
import { inspectCertificateFile } from './inspect';
import { pemBlocks, fileText, looksLikeDer } from './pem';
import { keyMatchesCertificate, parsePrivateKey } from './private-key';
import { ecSelfSigned, rsaKey, testCa, testLeaf } from './test-pki';
import { daysUntilExpiry, parseCertificate, parseCertificates, validityAt } from './x509';

const DAY = 86_400_000;
const now = new Date('2030-06-15T12:00:00Z');

describe('parseCertificate', () => {
  const ca = testCa('Corp Root CA', { now });
  const leaf = testLeaf(ca, { now, dnsNames: ['quay.example.com', '*.apps.example.com'], ipAddresses: ['10.0.0.5', '::1'] });

  it('reads names, SANs, validity, CA flag, key usages', () => {
    const r = parseCertificate(leaf.certPem);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.certificate;
    expect(c.commonName).toBe('quay.example.com');
    expect(c.issuer).toBe('CN=Corp Root CA');
    expect(c.dnsNames).toEqual(['quay.example.com', '*.apps.example.com']);
    expect(c.ipAddresses).toEqual(['10.0.0.5', '::1']);
    expect(c.hasSubjectAltName).toBe(true);
    expect(c.isCA).toBe(false);
    expect(c.selfSigned).toBe(false);
    expect(c.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(c.extKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(c.notBefore.getTime()).toBe(Math.floor((now.getTime() - DAY) / 1000) * 1000);
  });

  it('marks a self-signed CA', () => {
    const r = parseCertificate(ca.certPem);
    expect(r.ok && r.certificate.isCA && r.certificate.selfSigned).toBe(true);
    expect(r.ok && r.certificate.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
  });

  it('reads every certificate of a chain file and reports broken blocks by position', () => {
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    const { certificates, errors } = parseCertificates(`${leaf.certPem}\n${broken}${ca.certPem}`);
    expect(certificates.map((c) => c.commonName)).toEqual(['quay.example.com', 'Corp Root CA']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.index).toBe(2);
  });

  it('never throws on garbage', () => {
    expect(parseCertificate('hello').ok).toBe(false);
    expect(parseCertificate(new Uint8Array([0x30, 0x82, 0, 1])).ok).toBe(false);
    expect(parseCertificates('no pem here')).toEqual({ certificates: [], errors: [] });
  });
});

describe('validity', () => {
  const cert = { notBefore: new Date('2030-01-01T00:00:00Z'), notAfter: new Date('2030-12-31T00:00:00Z') };
  it.each([
    ['2029-12-31T23:59:59Z', 'not-yet-valid'],
    ['2030-06-01T00:00:00Z', 'valid'],
    ['2031-01-01T00:00:00Z', 'expired'],
  ] as const)('at %s → %s', (at, state) => {
    expect(validityAt(cert, new Date(at))).toBe(state);
  });
  it('counts whole days left', () => {
    expect(daysUntilExpiry(cert, new Date('2030-12-01T00:00:00Z'))).toBe(30);
  });
});

describe('hostname matching (RFC 6125, SANs only)', () => {
  it.each([
    ['quay.example.com', 'quay.example.com', true],
    ['quay.example.com', 'QUAY.Example.com.', true],
    ['*.example.com', 'quay.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['*.com', 'example.com', false],
    ['q*.example.com', 'quay.example.com', false],
    ['quay.example.com', 'quay.example.org', false],
  ])('%s vs %s → %s', (pattern, host, ok) => {
    expect(dnsNameMatches(pattern, host)).toBe(ok);
  });

  const san = { hasSubjectAltName: true, dnsNames: ['quay.example.com'], ipAddresses: ['10.0.0.5', '::1'], commonName: 'x' };
  it('matches IPs only against IP SANs, in canonical form', () => {
    expect(matchCertificateHostname(san, '0:0:0:0:0:0:0:1')).toEqual({ ok: true, matched: '::1' });
    expect(matchCertificateHostname(san, '10.0.0.5').ok).toBe(true);
    expect(matchCertificateHostname({ ...san, dnsNames: ['10.0.0.6'] }, '10.0.0.6').ok).toBe(false);
  });
  it('rejects a CN-only certificate even when the CN equals the host', () => {
    const cnOnly = parseCertificate(testLeaf(null, { commonName: 'fakehost.com', extKeyUsage: [] }).certPem);
    expect(cnOnly.ok).toBe(true);
    if (!cnOnly.ok) return;
    expect(cnOnly.certificate.hasSubjectAltName).toBe(false);
    expect(matchCertificateHostname(cnOnly.certificate, 'fakehost.com')).toEqual({ ok: false, reason: 'cn-only', commonName: 'fakehost.com' });
  });
  it('lists the names it has when nothing matches', () => {
    expect(matchCertificateHostname(san, 'other.example.com')).toEqual({ ok: false, reason: 'no-match', names: ['quay.example.com', '10.0.0.5', '::1'] });
  });
});

describe('private keys', () => {
  const a = testLeaf(null);
  const b = testLeaf(null);
  const cert = (pem: string) => {
    const r = parseCertificate(pem);
    if (!r.ok) throw new Error(r.message);
    return r.certificate;
  };
  it('matches RSA keys (PKCS#1) to their certificate and not to another', () => {
    const key = parsePrivateKey(a.privatePem);
    expect(key.ok).toBe(true);
    if (!key.ok) return;
    expect(key.type).toBe('rsa');
    expect(keyMatchesCertificate(cert(a.certPem), key.key)).toBe(true);
    expect(keyMatchesCertificate(cert(b.certPem), key.key)).toBe(false);
  });
  it('matches EC keys (SEC1) made by openssl', () => {
    const ec = ecSelfSigned('ec.example.com');
    const key = parsePrivateKey(ec.privatePem);
    expect(key.ok && key.type).toBe('ec');
    if (!key.ok) return;
    expect(keyMatchesCertificate(cert(ec.certPem), key.key)).toBe(true);
    expect(keyMatchesCertificate(cert(a.certPem), key.key)).toBe(false);
    expect(cert(ec.certPem).dnsNames).toEqual(['ec.example.com']);
  });
  it.each([
    ['missing', 'no key here'],
    ['encrypted', '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----'],
    ['unparsable', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
  ] as const)('reports %s keys', (reason, text) => {
    const r = parsePrivateKey(text);
    expect(r.ok ? 'ok' : r.reason).toBe(reason);
  });
});

describe('chain building', () => {
  const root = testCa('Root', { now });
  const intermediate = testLeaf(root, { now, commonName: 'Intermediate', isCA: true, keyUsage: ['keyCertSign'], extKeyUsage: [] });
  const leaf = testLeaf(intermediate, { now, dnsNames: ['quay.example.com'] });
  const x = (pem: string) => new X509Certificate(pem);

  it('checks issuer names and signatures', () => {
    expect(isIssuedBy(x(leaf.certPem), x(intermediate.certPem))).toBe(true);
    expect(isIssuedBy(x(leaf.certPem), x(root.certPem))).toBe(false);
    // Same subject name, different key: the signature check catches it.
    const impostor = testCa('Root', { now });
    expect(isIssuedBy(x(intermediate.certPem), x(impostor.certPem))).toBe(false);
  });
  it.each([
    ['trusted through the intermediate', [intermediate], [root], 'trusted', 3],
    ['incomplete without the intermediate', [], [root], 'incomplete', 1],
    ['untrusted root carried in the file', [intermediate, root], [], 'untrusted-root', 3],
  ] as const)('%s', (_name, inter, anchors, status, length) => {
    const r = buildChain(
      x(leaf.certPem),
      inter.map((c) => x(c.certPem)),
      anchors.map((c) => x(c.certPem)),
    );
    expect(r.status).toBe(status);
    expect(r.path).toHaveLength(length);
    if (status === 'incomplete') expect(r.missingIssuer).toBe('CN=Intermediate');
  });
  it('tells a self-signed leaf, and trusts it once it is an anchor', () => {
    const self = testLeaf(null, { now, dnsNames: ['quay.example.com'] });
    expect(buildChain(x(self.certPem), [], []).status).toBe('self-signed');
    expect(buildChain(x(self.certPem), [], [x(self.certPem)]).status).toBe('trusted');
  });
  it('loads the system roots', () => {
    expect(systemRoots().length).toBeGreaterThan(50);
  });
});

describe('pem helpers', () => {
  it('classifies blocks', () => {
    const key = rsaKey();
    const kinds = pemBlocks(`${key.privatePem}\n${key.publicPem}\n-----BEGIN X-----\nAA\n-----END X-----`).map((b) => b.kind);
    expect(kinds).toEqual(['private-key', 'public-key', 'other']);
    expect(pemBlocks('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nAA\n-----END RSA PRIVATE KEY-----')[0]?.encrypted).toBe(true);
  });
  it('tells text from binary', () => {
    expect(fileText(new Uint8Array([0x30, 0x82, 0x00, 0x10, 0x00]))).toBeUndefined();
    expect(looksLikeDer(new Uint8Array([0x30, 0x82, 0x01, 0x10, 0x01]))).toBe(true);
    expect(fileText(new TextEncoder().encode('abc'))).toBe('abc');
  });
});

describe('inspectCertificateFile', () => {
  const ca = testCa('Inspect CA', { now });
  const leaf = testLeaf(ca, { now, dnsNames: ['a.example.com'], notAfter: new Date(now.getTime() + 10 * DAY) });
  it('summarises a PEM chain as plain data and counts private keys', () => {
    const r = inspectCertificateFile(new TextEncoder().encode(leaf.certPem + ca.certPem + leaf.privatePem), now);
    expect(r.format).toBe('pem');
    expect(r.privateKeys).toBe(1);
    expect(r.certificates.map((c) => [c.commonName, c.isCA, c.validity, c.daysLeft])).toEqual([
      ['a.example.com', false, 'valid', 10],
      ['Inspect CA', true, 'valid', 365],
    ]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('reads a DER certificate and tells garbage', () => {
    const der = Buffer.from(ca.certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(inspectCertificateFile(new Uint8Array(der), now).certificates[0]?.commonName).toBe('Inspect CA');
    expect(inspectCertificateFile(new Uint8Array([0, 1, 2]), now)).toEqual({ certificates: [], errors: [], privateKeys: 0, format: 'unknown' });
  });
});
