import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { KeyUsage } from './extensions';

/**
 * Issues X.509 certificates with node-forge (RSA keys only: forge cannot embed or sign with EC
 * keys). Used by the key helpers (self-signed CA + server certificate) and by tests that need
 * certificates with arbitrary validity, names and extensions.
 */

export interface CertificateSpec {
  commonName?: string;
  organization?: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  /** basicConstraints CA:TRUE (critical). */
  isCA?: boolean;
  keyUsage?: KeyUsage[];
  extKeyUsage?: Array<'serverAuth' | 'clientAuth'>;
  notBefore: Date;
  notAfter: Date;
  /** SPKI PEM of the subject's RSA key. */
  publicKeyPem: string;
  /** PEM private key that signs: the issuer's, or the subject's own for a self-signed certificate. */
  signingKeyPem: string;
  /** The issuer's certificate; omitted for a self-signed certificate. */
  issuerCertPem?: string;
}

/** Issues one certificate (SHA-256, random 128-bit serial, SKI/AKI set) and returns it as PEM. */
export function issueCertificate(spec: CertificateSpec): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(spec.publicKeyPem);
  // A positive serial: clear the top bit, as RFC 5280 wants a positive INTEGER.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject: forge.pki.CertificateField[] = [];
  if (spec.commonName !== undefined) subject.push({ name: 'commonName', value: spec.commonName });
  if (spec.organization !== undefined) subject.push({ name: 'organizationName', value: spec.organization });
  cert.setSubject(subject);

  const issuer = spec.issuerCertPem ? forge.pki.certificateFromPem(spec.issuerCertPem) : undefined;
  cert.setIssuer(issuer ? issuer.subject.attributes : subject);
  const issuerKeyId = (issuer ?? cert).generateSubjectKeyIdentifier().getBytes();

  const extensions: Array<Record<string, unknown>> = [
    spec.isCA ? { name: 'basicConstraints', cA: true, critical: true } : { name: 'basicConstraints', cA: false },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuerKeyId },
  ];
  if (spec.keyUsage?.length) {
    extensions.push({ name: 'keyUsage', critical: true, ...Object.fromEntries(spec.keyUsage.map((u) => [u, true])) });
  }
  if (spec.extKeyUsage?.length) {
    extensions.push({ name: 'extKeyUsage', ...Object.fromEntries(spec.extKeyUsage.map((u) => [u, true])) });
  }
  const altNames = [...(spec.dnsNames ?? []).map((value) => ({ type: 2, value })), ...(spec.ipAddresses ?? []).map((ip) => ({ type: 7, ip }))];
  if (altNames.length) extensions.push({ name: 'subjectAltName', altNames });
  cert.setExtensions(extensions);
  cert.sign(forge.pki.privateKeyFromPem(spec.signingKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
