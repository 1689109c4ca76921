import { matchCertificateHostname } from '../../certs/hostname';
import { EKU } from '../../certs/extensions';
import { fileText, looksLikeDer, pemBlocks } from '../../certs/pem';
import { keyMatchesCertificate, parsePrivateKey } from '../../certs/private-key';
import { daysUntilExpiry, describeCertificate, parseCertificates, validityAt, type CertificateInfo } from '../../certs/x509';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import type { ServerHostname } from './server-hostname';
import { chainFindings } from './tls-trust';

export const CERT = 'ssl.cert';
export const KEY = 'ssl.key';

/** A certificate expiring within this many days gets a warning. */
export const EXPIRY_WARNING_DAYS = 30;

export interface TlsCheck {
  files: BundleFiles;
  now: Date;
  hostname?: ServerHostname;
  /**
   * True when Quay's nginx must terminate TLS for clients (https without EXTERNAL_TLS_TERMINATION):
   * problems are errors and the chain is checked. Otherwise the files are only sanity-checked.
   */
  strict: boolean;
}

/** Checks `ssl.cert` and `ssl.key`: they parse, belong together, name the host, are in date, are trusted. */
export function tlsFileFindings(c: TlsCheck): Finding[] {
  const findings: Finding[] = [];
  const cert = loadCertificates(c.files, findings);
  const key = loadKey(c.files, findings);
  if (!cert || !key) return findings;

  // nginx presents the first certificate of ssl.cert as the server certificate.
  const leafIndex = cert.findIndex((crt) => keyMatchesCertificate(crt, key));
  const first = cert[0];
  if (!first) return findings;
  if (leafIndex < 0) {
    findings.push(
      error([KEY, CERT], `ssl.key does not belong to the certificate in ssl.cert (${describeCertificate(first)})`, {
        code: 'ssl-key-mismatch',
        hint: "nginx refuses to start with a mismatched pair: put the key that was generated with this certificate's request into ssl.key",
      }),
    );
    return findings;
  }
  if (leafIndex > 0) {
    findings.push(
      error(CERT, `ssl.cert starts with ${describeCertificate(first)}, but the server certificate is number ${leafIndex + 1} in the file`, {
        code: 'ssl-cert-order',
        hint: 'nginx presents the first certificate: order ssl.cert as server certificate, then intermediates, then (optionally) the root',
      }),
    );
    return findings;
  }
  const lenient = (f: Finding): Finding => (c.strict ? f : { ...f, severity: 'warning' });
  findings.push(...leafFindings(first, c).map(lenient));
  if (c.strict) findings.push(...chainFindings(first, cert.slice(1), c.files));
  return findings;
}

function loadCertificates(files: BundleFiles, findings: Finding[]): CertificateInfo[] | undefined {
  const bytes = files.get(CERT);
  if (!bytes) return undefined;
  const text = fileText(bytes);
  if (text === undefined) {
    findings.push(
      error(CERT, looksLikeDer(bytes) ? 'ssl.cert is in binary DER form; nginx needs PEM' : 'ssl.cert is not a text (PEM) file', {
        code: 'ssl-cert-unparsable',
        hint: looksLikeDer(bytes) ? 'convert it: openssl x509 -inform der -in ssl.cert -out ssl.cert.pem' : 'upload the PEM certificate (-----BEGIN CERTIFICATE-----)',
      }),
    );
    return undefined;
  }
  if (pemBlocks(text).some((b) => b.kind === 'private-key')) {
    findings.push(
      warning(CERT, 'ssl.cert contains a private key', {
        code: 'private-key-in-cert-file',
        hint: 'keep the key only in ssl.key (mode 0600): certificate files are shared freely',
      }),
    );
  }
  const { certificates, errors } = parseCertificates(text);
  for (const e of errors) {
    findings.push(error(CERT, `certificate ${e.index} in ssl.cert cannot be parsed: ${e.message}`, { code: 'ssl-cert-unparsable' }));
  }
  if (certificates.length === 0) {
    if (errors.length === 0) {
      findings.push(error(CERT, 'ssl.cert contains no PEM certificate', { code: 'ssl-cert-unparsable', hint: 'the file must contain -----BEGIN CERTIFICATE----- blocks' }));
    }
    return undefined;
  }
  return errors.length ? undefined : certificates;
}

function loadKey(files: BundleFiles, findings: Finding[]) {
  const bytes = files.get(KEY);
  if (!bytes) return undefined;
  const text = fileText(bytes);
  const r = text === undefined ? undefined : parsePrivateKey(text);
  if (r?.ok) return r.key;
  if (r?.reason === 'encrypted') {
    findings.push(
      error(KEY, "ssl.key is encrypted with a passphrase; Quay's nginx starts unattended and cannot use it", {
        code: 'ssl-key-encrypted',
        hint: 'decrypt it: openssl pkey -in ssl.key -out ssl.key.plain (then keep it mode 0600)',
      }),
    );
  } else {
    const detail = r?.reason === 'unparsable' ? `: ${r.message}` : '';
    findings.push(
      error(KEY, `ssl.key holds no usable PEM private key${detail}`, {
        code: 'ssl-key-unparsable',
        hint: 'ssl.key must be the PEM private key (-----BEGIN PRIVATE KEY----- or RSA/EC PRIVATE KEY) of ssl.cert',
      }),
    );
  }
  return undefined;
}

/** Host name, validity and usage of the server certificate. */
function leafFindings(leaf: CertificateInfo, c: TlsCheck): Finding[] {
  const findings: Finding[] = [];
  const who = describeCertificate(leaf);
  if (c.hostname) {
    const m = matchCertificateHostname(leaf, c.hostname.host);
    if (!m.ok && m.reason === 'cn-only') {
      findings.push(
        error(CERT, `ssl.cert has no subjectAltName${m.commonName ? ` (only CN=${m.commonName})` : ''}; clients ignore the CN, so it matches no host name`, {
          code: 'ssl-cert-cn-only',
          hint: `reissue it with subjectAltName = DNS:${c.hostname.host}: Docker, Podman, Go (≥1.15) and browsers reject CN-only certificates`,
        }),
      );
    } else if (!m.ok) {
      findings.push(
        error([CERT, 'SERVER_HOSTNAME'], `ssl.cert is for ${m.names.join(', ')}, not for SERVER_HOSTNAME "${c.hostname.host}"`, {
          code: 'ssl-hostname-mismatch',
          hint: "reissue the certificate with the registry's name in subjectAltName, or correct SERVER_HOSTNAME",
        }),
      );
    }
  }
  const state = validityAt(leaf, c.now);
  if (state === 'expired') {
    findings.push(error(CERT, `ssl.cert expired on ${leaf.notAfter.toISOString().slice(0, 10)}`, { code: 'ssl-cert-expired', hint: 'renew the certificate' }));
  } else if (state === 'not-yet-valid') {
    findings.push(error(CERT, `ssl.cert is not valid before ${leaf.notBefore.toISOString()}`, { code: 'ssl-cert-not-yet-valid', hint: 'check the clock of the machine that issued it, or wait' }));
  } else {
    const days = daysUntilExpiry(leaf, c.now);
    if (days < EXPIRY_WARNING_DAYS) {
      findings.push(warning(CERT, `ssl.cert expires in ${days} day${days === 1 ? '' : 's'} (${leaf.notAfter.toISOString().slice(0, 10)})`, { code: 'ssl-cert-expiring', hint: 'renew it soon' }));
    }
  }
  if (leaf.extKeyUsage && !leaf.extKeyUsage.includes(EKU.serverAuth) && !leaf.extKeyUsage.includes(EKU.any)) {
    findings.push(
      error(CERT, `ssl.cert (${who}) is not for TLS servers: its extended key usage lacks serverAuth`, {
        code: 'ssl-cert-not-server-auth',
        hint: 'reissue it with extendedKeyUsage = serverAuth',
      }),
    );
  }
  if (leaf.keyUsage && !leaf.keyUsage.includes('digitalSignature') && !leaf.keyUsage.includes('keyEncipherment')) {
    findings.push(
      error(CERT, `ssl.cert (${who}) has a keyUsage that allows neither digitalSignature nor keyEncipherment`, {
        code: 'ssl-cert-key-usage',
        hint: 'reissue it with keyUsage = digitalSignature, keyEncipherment',
      }),
    );
  }
  return findings;
}
