import { fileText, looksLikeDer, pemBlocks } from './pem';
import { daysUntilExpiry, parseCertificate, parseCertificates, validityAt, type CertificateInfo, type ValidityState } from './x509';

/** One certificate as plain, serialisable data (for the CA-bundle inspector and the API). */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  commonName?: string;
  dnsNames: string[];
  ipAddresses: string[];
  notBefore: string;
  notAfter: string;
  validity: ValidityState;
  daysLeft: number;
  isCA: boolean;
  selfSigned: boolean;
  keyUsage?: string[];
  extKeyUsage?: string[];
  fingerprint256: string;
  serialNumber: string;
}

export interface FileInspection {
  certificates: CertificateSummary[];
  /** Certificate blocks that did not parse, by 1-based position. */
  errors: Array<{ index: number; message: string }>;
  /** Private key blocks found (they do not belong in a CA file). */
  privateKeys: number;
  /** How the file is encoded. */
  format: 'pem' | 'der' | 'unknown';
}

/** Summarises a certificate for display; no secrets (certificates are public). */
export function summariseCertificate(c: CertificateInfo, now: Date): CertificateSummary {
  return {
    subject: c.subject,
    issuer: c.issuer,
    ...(c.commonName !== undefined ? { commonName: c.commonName } : {}),
    dnsNames: c.dnsNames,
    ipAddresses: c.ipAddresses,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    validity: validityAt(c, now),
    daysLeft: daysUntilExpiry(c, now),
    isCA: c.isCA,
    selfSigned: c.selfSigned,
    ...(c.keyUsage ? { keyUsage: c.keyUsage } : {}),
    ...(c.extKeyUsage ? { extKeyUsage: c.extKeyUsage } : {}),
    fingerprint256: c.fingerprint256,
    serialNumber: c.serialNumber,
  };
}

/** Every certificate of an uploaded file (PEM with any number of blocks, or a single DER certificate). */
export function inspectCertificateFile(bytes: Uint8Array, now: Date = new Date()): FileInspection {
  const text = fileText(bytes);
  if (text === undefined) {
    const der = looksLikeDer(bytes) ? parseCertificate(bytes) : undefined;
    if (der?.ok) return { certificates: [summariseCertificate(der.certificate, now)], errors: [], privateKeys: 0, format: 'der' };
    return { certificates: [], errors: der ? [{ index: 1, message: der.message }] : [], privateKeys: 0, format: der ? 'der' : 'unknown' };
  }
  const { certificates, errors } = parseCertificates(text);
  const privateKeys = pemBlocks(text).filter((b) => b.kind === 'private-key').length;
  return {
    certificates: certificates.map((c) => summariseCertificate(c, now)),
    errors,
    privateKeys,
    format: certificates.length || errors.length || privateKeys ? 'pem' : 'unknown',
  };
}
