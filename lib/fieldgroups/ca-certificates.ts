import { fileText, looksLikeDer, pemBlocks } from '../certs/pem';
import { isExtraCaFile } from '../certs/trust';
import { describeCertificate, parseCertificate, validityAt, type CertificateInfo } from '../certs/x509';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import type { BundleFiles } from '../bundle/types';
import { defineFieldGroup, type RuleContext } from './define';
import { HOST_TLS_FILES } from './host-settings';

/** Service CA and certificate files Quay reads by name (quay-config-app.md §2, §5). */
const NAMED_CERT_FILES = new Set(['ldap.crt', 'database.pem']);
/** Files whose names look like certificates but that Quay reads as keys (JWTAuthentication checks it). */
const KEY_FILES = new Set(['jwt-authn.cert']);

/**
 * Every certificate file of the bundle: it parses; the CA folder holds CA certificates only (no
 * private keys: config-tool#118, they broke the trust store), none expired, none twice. Findings
 * are attached to the file (`extra_ca_certs/corp.crt`). `ssl.cert`/`ssl.key` are HostSettings'.
 */
export const caCertificates = defineFieldGroup({
  id: 'CACertificates',
  title: 'CA certificates',
  keys: [],
  skipReason: () => null,
  rules: (ctx) => rules(ctx),
});

/** Bundle files that should hold certificates, in name order. */
export function certificateFiles(files: BundleFiles): string[] {
  return [...files.keys()].filter(isCertificateLike).sort();
}

function isCertificateLike(name: string): boolean {
  if (HOST_TLS_FILES.includes(name) || KEY_FILES.has(name)) return false;
  // The legacy single-file form of the CA folder, split by Quay's certs_install.sh.
  if (isExtraCaFile(name) || name === 'extra_ca_certs') return true;
  if (NAMED_CERT_FILES.has(name)) return true;
  if (name.endsWith('-cloudfront-signing-key.pem')) return false;
  return /\.(crt|pem|cert|cer)$/i.test(name);
}

function rules({ files, now }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  // Duplicates only count inside the CA folder: one internal CA that is also `database.pem` and
  // `ldap.crt` is the normal layout (each service file is read by its own client), not a mistake.
  const seen = new Map<string, string>(); // fingerprint → first CA-folder file
  for (const name of certificateFiles(files)) {
    const bytes = files.get(name);
    if (!bytes) continue;
    const caFolder = isExtraCaFile(name) || name === 'extra_ca_certs';
    for (const cert of fileCertificates(name, bytes, caFolder, findings)) {
      const first = caFolder ? seen.get(cert.fingerprint256) : undefined;
      if (!caFolder) {
        // not a CA-folder file: nothing to compare
      } else if (first !== undefined) {
        findings.push(
          warning(name, `${name} repeats ${describeCertificate(cert)}, already in ${first}`, {
            code: 'duplicate-certificate',
            hint: 'keep one copy: duplicates are harmless to TLS but make renewals error-prone',
          }),
        );
      } else {
        seen.set(cert.fingerprint256, name);
      }
      findings.push(...certificateFindings(name, cert, caFolder, now));
    }
  }
  return findings;
}

/** Parses one file; reports what is not a certificate. */
function fileCertificates(name: string, bytes: Uint8Array, caFolder: boolean, findings: Finding[]): CertificateInfo[] {
  if (bytes.length === 0) {
    findings.push(warning(name, `${name} is empty`, { code: 'empty-file', hint: 'remove it, or put the PEM certificate in it' }));
    return [];
  }
  const text = fileText(bytes);
  if (text === undefined) {
    const der = looksLikeDer(bytes) ? parseCertificate(bytes) : undefined;
    findings.push(
      error(name, der?.ok ? `${name} is a binary (DER) certificate; Quay needs PEM` : `${name} is not a PEM certificate file (binary content)`, {
        code: der?.ok ? 'not-pem' : 'not-a-certificate',
        hint: der?.ok ? `convert it: openssl x509 -inform der -in ${baseName(name)} -out ${baseName(name)}.pem` : 'upload the PEM certificate (-----BEGIN CERTIFICATE-----)',
      }),
    );
    return [];
  }
  const blocks = pemBlocks(text);
  const keys = blocks.filter((b) => b.kind === 'private-key').length;
  if (caFolder && keys > 0) {
    findings.push(
      error(name, `${name} contains a private key; the CA folder must hold certificates only`, {
        code: 'private-key-in-ca-folder',
        hint: 'remove the key from the file (and treat it as leaked if the bundle was shared): Quay installs these files into its trust store, and config-tool#118 showed a key there breaks loading the CAs',
      }),
    );
  }
  const certBlocks = blocks.filter((b) => b.kind === 'certificate');
  if (certBlocks.length === 0) {
    // A key-only .pem outside the CA folder belongs to another feature (e.g. a signing key).
    if (keys === 0 || caFolder) {
      findings.push(error(name, `${name} contains no PEM certificate`, { code: 'not-a-certificate', hint: 'the file must contain -----BEGIN CERTIFICATE----- blocks' }));
    }
    return [];
  }
  const certs: CertificateInfo[] = [];
  certBlocks.forEach((block, i) => {
    const r = parseCertificate(block.text);
    if (r.ok) certs.push(r.certificate);
    else findings.push(error(name, `certificate ${i + 1} in ${name} cannot be parsed: ${r.message}`, { code: 'certificate-unparsable' }));
  });
  return certs;
}

function certificateFindings(name: string, cert: CertificateInfo, caFolder: boolean, now: Date): Finding[] {
  const findings: Finding[] = [];
  const who = describeCertificate(cert);
  const kind = cert.isCA ? 'CA certificate' : 'certificate';
  const state = validityAt(cert, now);
  if (state === 'expired') {
    findings.push(
      warning(name, `${kind} ${who} in ${name} expired on ${cert.notAfter.toISOString().slice(0, 10)}`, {
        code: 'certificate-expired',
        hint: 'replace it with the renewed certificate: nothing it signed is trusted any more',
      }),
    );
  } else if (state === 'not-yet-valid') {
    findings.push(warning(name, `${kind} ${who} in ${name} is not valid before ${cert.notBefore.toISOString()}`, { code: 'certificate-not-yet-valid' }));
  }
  if (caFolder && !cert.isCA) {
    findings.push(
      warning(
        name,
        cert.selfSigned
          ? `${name}: ${who} is not a CA certificate; it can only vouch for itself`
          : `${name}: ${who} is a certificate issued by ${cert.issuer}, not a CA; trusting it does not make its issuer trusted`,
        {
          code: 'not-a-ca',
          hint: cert.selfSigned
            ? 'fine for a single self-signed server; otherwise add the CA that issued the server certificates'
            : `put the CA certificate (${cert.issuer}) here instead: OpenSSL-based clients in Quay only accept chains that end at a self-signed CA`,
        },
      ),
    );
  }
  return findings;
}

function baseName(name: string): string {
  return name.split('/').pop() ?? name;
}
