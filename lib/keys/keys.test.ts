import { createPrivateKey, X509Certificate } from 'node:crypto';
import { base64url, calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildChain } from '../certs/chain';
import { matchCertificateHostname } from '../certs/hostname';
import { keyMatchesCertificate, parsePrivateKey } from '../certs/private-key';
import { parseCertificates } from '../certs/x509';
import { clairConfigSnippet } from './clair-config';
import { decodeStandardBase64, generateClairPsk } from './psk';
import { generateSecretKey } from './secret-key';
import { generateServiceKey, serviceKeyId } from './service-key';
import { generateServerCertificate, hostWithoutPort } from './tls-certificates';

describe('secret keys', () => {
  it.each([
    ['hex', /^[0-9a-f]{64}$/],
    ['decimal', /^[0-9]{1,78}$/],
    ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
  ] as const)('%s format', (format, pattern) => {
    const a = generateSecretKey(format);
    expect(a).toMatch(pattern);
    expect(generateSecretKey(format)).not.toBe(a);
  });
});

describe('Clair v4 PSK', () => {
  it('is at least 32 random bytes in standard padded base64', () => {
    const psk = generateClairPsk();
    expect(psk).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(psk.length % 4).toBe(0);
    expect(decodeStandardBase64(psk)?.length).toBeGreaterThanOrEqual(32);
    expect(generateClairPsk(8).length).toBe(44); // never fewer than 32 bytes
    expect(generateClairPsk()).not.toBe(psk);
  });
  it.each([
    ['MTU5YzA4Y2ZkNzJoMQ==', 13],
    ['', 0],
    ['abc', undefined], // missing padding: Python's b64decode raises
    ['ab-_cd==', undefined], // URL-safe alphabet: Python would silently drop - and _
    ['YWJj ZA==', undefined],
  ])('decodes %j strictly', (text, length) => {
    expect(decodeStandardBase64(text)?.length).toBe(length);
  });
});

describe('security-scanner service key', () => {
  const key = generateServiceKey({ quayUrl: 'https://quay.example.com/' });

  it('has an RFC 7638 key id, computed independently by jose', async () => {
    const thumbprint = await calculateJwkThumbprint(key.jwk, 'sha256');
    expect(key.kid).toBe(Buffer.from(base64url.decode(thumbprint)).toString('hex'));
    expect(key.kid).toMatch(/^[0-9a-f]{64}$/);
    expect(serviceKeyId(key.jwk)).toBe(key.kid);
  });
  it('is RSA 2048 with the private key as PKCS#1 PEM', () => {
    expect(key.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const priv = createPrivateKey(key.privateKeyPem);
    expect(priv.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.privateKeyFileName).toBe('security_scanner.pem');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
  it('fills key_id and the issuer into the jwtproxy snippet', () => {
    const doc = parse(key.jwtproxyYaml) as {
      jwtproxy: {
        signer_proxy: { signer: { issuer: string; private_key: { options: { key_id: string; private_key_path: string } } } };
        verifier_proxies: Array<{ verifier: { key_server: { options: { registry: string } } } }>;
      };
    };
    expect(doc.jwtproxy.signer_proxy.signer.issuer).toBe('security_scanner');
    expect(doc.jwtproxy.signer_proxy.signer.private_key.options.key_id).toBe(key.kid);
    expect(doc.jwtproxy.signer_proxy.signer.private_key.options.private_key_path).toBe('/clair/config/security_scanner.pem');
    expect(doc.jwtproxy.verifier_proxies[0]?.verifier.key_server.options.registry).toBe('https://quay.example.com/keys/');
    expect(key.jwtproxyYaml).not.toContain('PRIVATE KEY');
  });
  it("takes the verifier's audience and port from SECURITY_SCANNER_ENDPOINT", () => {
    const custom = generateServiceKey({ quayUrl: 'https://quay.example.com:8443', scannerUrl: 'http://clair.example.com:6070/' });
    const doc = parse(custom.jwtproxyYaml) as { jwtproxy: { verifier_proxies: Array<{ listen_addr: string; verifier: { audience: string; key_server: { options: { registry: string } } } }> } };
    const verifier = doc.jwtproxy.verifier_proxies[0];
    expect(verifier?.listen_addr).toBe(':6070');
    expect(verifier?.verifier.audience).toBe('http://clair.example.com:6070');
    expect(verifier?.verifier.key_server.options.registry).toBe('https://quay.example.com:8443/keys/');
  });

  it('keeps an optional expiry and refuses names Quay refuses', () => {
    const exp = new Date('2031-01-01T00:00:00Z');
    expect(generateServiceKey({ service: 'clair_v2', expiration: exp }).expiration).toEqual(exp);
    expect(() => generateServiceKey({ service: 'Bad-Name' })).toThrow(RangeError);
  });
});

describe('self-signed CA and server certificate', () => {
  const bundle = generateServerCertificate({ hostname: 'quay.example.com:8443', ips: ['192.168.1.112'] });
  const [server, ca] = parseCertificates(bundle.sslCert).certificates;

  it('makes a CA with CA:TRUE and keyCertSign', () => {
    const parsed = parseCertificates(bundle.ca.certPem).certificates[0];
    expect(parsed?.isCA).toBe(true);
    expect(parsed?.selfSigned).toBe(true);
    expect(parsed?.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
  });
  it('makes a serverAuth certificate with SANs for the host (port dropped) and IPs, verified by the CA', () => {
    if (!server || !ca) throw new Error('ssl.cert must hold the server certificate and the CA');
    expect(server.dnsNames).toEqual(['quay.example.com']);
    expect(server.ipAddresses).toEqual(['192.168.1.112']);
    expect(server.extKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(server.isCA).toBe(false);
    expect(matchCertificateHostname(server, 'quay.example.com').ok).toBe(true);
    expect(matchCertificateHostname(server, '192.168.1.112').ok).toBe(true);
    expect(buildChain(server.x509, [], [new X509Certificate(bundle.ca.certPem)]).status).toBe('trusted');
    const key = parsePrivateKey(bundle.sslKey);
    expect(key.ok && keyMatchesCertificate(server, key.key)).toBe(true);
  });
  it('uses an IP SAN when SERVER_HOSTNAME is an address, and can reuse a CA', () => {
    const again = generateServerCertificate({ hostname: '10.1.2.3', ca: bundle.ca });
    const leaf = parseCertificates(again.serverCertPem).certificates[0];
    expect(leaf?.ipAddresses).toEqual(['10.1.2.3']);
    expect(leaf?.dnsNames).toEqual([]);
    expect(again.ca).toBe(bundle.ca);
    expect(hostWithoutPort('[::1]:8443')).toBe('::1');
  });
});

describe('Clair v4 config snippet', () => {
  it('carries the same PSK and issuer quay, and the notifier webhook when Quay is known', () => {
    const psk = generateClairPsk();
    const doc = parse(clairConfigSnippet({ psk, quayUrl: 'https://quay.example.com', clairUrl: 'http://clair:8081/' })) as {
      auth: { psk: { key: string; iss: string[] } };
      notifier: { webhook: { target: string; callback: string } };
    };
    expect(doc.auth.psk).toEqual({ key: psk, iss: ['quay'] });
    expect(doc.notifier.webhook.target).toBe('https://quay.example.com/secscan/notification');
    expect(doc.notifier.webhook.callback).toBe('http://clair:8081/notifier/api/v1/notifications');
    expect(parse(clairConfigSnippet({ psk })).notifier).toBeUndefined();
  });

  it('listens on the port of SECURITY_SCANNER_V4_ENDPOINT', () => {
    const psk = generateClairPsk();
    expect(parse(clairConfigSnippet({ psk, clairUrl: 'http://clair.example.com:8089' })).http_listen_addr).toBe(':8089');
    expect(parse(clairConfigSnippet({ psk, clairUrl: 'http://clair.example.com' })).http_listen_addr).toBe(':8080');
    expect(parse(clairConfigSnippet({ psk, clairUrl: 'http://clair:8089', httpListenAddr: '0.0.0.0:9000' })).http_listen_addr).toBe('0.0.0.0:9000');
  });
});
