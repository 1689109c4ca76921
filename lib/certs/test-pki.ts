import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueCertificate, type CertificateSpec } from './issue';

/**
 * Test-only helpers: throwaway RSA keys and certificates with any validity, names and extensions
 * (node-forge), and EC pairs from the openssl CLI. Never used by product code.
 */

export interface TestKey {
  privatePem: string;
  publicPem: string;
}

export interface TestCert extends TestKey {
  certPem: string;
}

const DAY = 86_400_000;

/** A fresh RSA key (1024-bit to keep tests quick; strength is irrelevant here). */
export function rsaKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return {
    privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

type Overrides = Partial<Omit<CertificateSpec, 'publicKeyPem' | 'signingKeyPem' | 'issuerCertPem'>> & { now?: Date };

/** A self-signed CA certificate valid for a year around `now`. */
export function testCa(commonName = 'Test Root CA', o: Overrides = {}): TestCert {
  const key = rsaKey();
  const now = o.now ?? new Date();
  const certPem = issueCertificate({
    commonName,
    isCA: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 365 * DAY),
    ...o,
    publicKeyPem: key.publicPem,
    signingKeyPem: key.privatePem,
  });
  return { ...key, certPem };
}

/** A certificate issued by `issuer` (or self-signed when `issuer` is null), serverAuth by default. */
export function testLeaf(issuer: TestCert | null, o: Overrides = {}): TestCert {
  const key = rsaKey();
  const now = o.now ?? new Date();
  const certPem = issueCertificate({
    commonName: o.dnsNames?.[0] ?? 'quay.example.com',
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extKeyUsage: ['serverAuth'],
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 365 * DAY),
    ...o,
    publicKeyPem: key.publicPem,
    signingKeyPem: issuer ? issuer.privatePem : key.privatePem,
    ...(issuer ? { issuerCertPem: issuer.certPem } : {}),
  });
  return { ...key, certPem };
}

/** A self-signed EC (P-256) certificate and its SEC1 key, made with the openssl CLI. */
export function ecSelfSigned(hostname: string): TestCert {
  const dir = mkdtempSync(path.join(tmpdir(), 'qc-ec-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'ec.key',
        '-out',
        'ec.crt',
        '-days',
        '30',
        '-subj',
        `/CN=${hostname}`,
        '-addext',
        `subjectAltName=DNS:${hostname}`,
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    execFileSync('openssl', ['pkey', '-in', 'ec.key', '-pubout', '-out', 'ec.pub'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
    return { privatePem: read('ec.key'), publicPem: read('ec.pub'), certPem: read('ec.crt') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Files for a RuleContext, from text. */
export function bundleFiles(entries: Record<string, string | Uint8Array>): Map<string, Uint8Array> {
  return new Map(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
}
