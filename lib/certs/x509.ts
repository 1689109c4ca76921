import { X509Certificate } from 'node:crypto';
import { readExtensions, type KeyUsage } from './extensions';
import { pemBlocks } from './pem';

/**
 * Certificate parsing for the checks and the CA-bundle inspector: every PEM certificate of a file
 * (chains included), with the facts an administrator needs (names, validity, CA or not, usages).
 * Pure functions over text; nothing throws.
 */

export interface CertificateInfo {
  /** The PEM block it came from. */
  pem: string;
  /** Node's parsed certificate, for signature and issuer checks. */
  x509: X509Certificate;
  /** One-line distinguished names, e.g. `CN=quay.example.com, O=Example`. */
  subject: string;
  issuer: string;
  /** The subject's common name, when it has one. */
  commonName?: string;
  /** subjectAltName DNS entries and IP entries (canonical text); empty when there is no SAN. */
  dnsNames: string[];
  ipAddresses: string[];
  hasSubjectAltName: boolean;
  notBefore: Date;
  notAfter: Date;
  /** basicConstraints CA:TRUE. */
  isCA: boolean;
  /** Undefined when the keyUsage extension is absent. */
  keyUsage?: KeyUsage[];
  /** Extended key usage OIDs; undefined when absent. */
  extKeyUsage?: string[];
  /** Issued by itself: subject = issuer and its own key verifies the signature. */
  selfSigned: boolean;
  /** SHA-256 fingerprint, colon-separated upper-case hex (as `openssl x509 -fingerprint -sha256`). */
  fingerprint256: string;
  serialNumber: string;
}

export type ParseResult = { ok: true; certificate: CertificateInfo } | { ok: false; message: string };

/** Parses one PEM (or DER) certificate. */
export function parseCertificate(input: string | Uint8Array): ParseResult {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(typeof input === 'string' ? input : Buffer.from(input));
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const ext = readExtensions(new Uint8Array(x509.raw));
  const subject = oneLine(x509.subject);
  const certificate: CertificateInfo = {
    pem: typeof input === 'string' ? input : x509.toString(),
    x509,
    subject,
    issuer: oneLine(x509.issuer),
    dnsNames: ext.dnsNames,
    ipAddresses: ext.ipAddresses,
    hasSubjectAltName: ext.hasSubjectAltName,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    isCA: x509.ca,
    selfSigned: isSelfIssued(x509),
    fingerprint256: x509.fingerprint256,
    serialNumber: x509.serialNumber,
  };
  const cn = commonNameOf(x509.subject);
  if (cn !== undefined) certificate.commonName = cn;
  if (ext.keyUsage) certificate.keyUsage = ext.keyUsage;
  if (ext.extKeyUsage) certificate.extKeyUsage = ext.extKeyUsage;
  return { ok: true, certificate };
}

/** A certificate block of a file that failed to parse (1-based position among the file's certificates). */
export interface CertificateError {
  index: number;
  message: string;
}

/** Every certificate of a PEM text, in file order (a chain file gives the leaf first). */
export function parseCertificates(text: string): { certificates: CertificateInfo[]; errors: CertificateError[] } {
  const certificates: CertificateInfo[] = [];
  const errors: CertificateError[] = [];
  pemBlocks(text)
    .filter((b) => b.kind === 'certificate')
    .forEach((block, i) => {
      const r = parseCertificate(block.text);
      if (r.ok) certificates.push(r.certificate);
      else errors.push({ index: i + 1, message: r.message });
    });
  return { certificates, errors };
}

export type ValidityState = 'valid' | 'expired' | 'not-yet-valid';

/** Whether `now` lies within the certificate's validity period. */
export function validityAt(cert: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, now: Date): ValidityState {
  if (now.getTime() > cert.notAfter.getTime()) return 'expired';
  if (now.getTime() < cert.notBefore.getTime()) return 'not-yet-valid';
  return 'valid';
}

/** Whole days from `now` until the certificate expires (negative once expired). */
export function daysUntilExpiry(cert: Pick<CertificateInfo, 'notAfter'>, now: Date): number {
  return Math.floor((cert.notAfter.getTime() - now.getTime()) / 86_400_000);
}

/**
 * Subject = issuer and the certificate's own key verifies its signature. Not `checkIssued(self)`:
 * OpenSSL also demands keyCertSign there, which a self-signed *server* certificate lacks.
 */
export function isSelfIssued(x509: X509Certificate): boolean {
  try {
    return x509.subject === x509.issuer && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

/** A short human label: the CN (or the whole subject) and the SANs. */
export function describeCertificate(cert: CertificateInfo): string {
  const names = [...cert.dnsNames, ...cert.ipAddresses];
  const who = cert.commonName ? `CN=${cert.commonName}` : cert.subject || '(empty subject)';
  return names.length ? `${who} (${names.join(', ')})` : who;
}

/** Node gives distinguished names one attribute per line. */
function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}

function commonNameOf(dn: string): string | undefined {
  const line = dn.split('\n').find((l) => l.startsWith('CN='));
  return line?.slice(3);
}
