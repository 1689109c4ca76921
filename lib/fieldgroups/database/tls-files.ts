import { X509Certificate, createPrivateKey } from 'node:crypto';
import { pemCertificates } from '../../certs/trust';
import { str } from '../../config/values';
import type { TrustAnchors } from '../../probes/postgres-tls';
import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import { resolveBundleFile } from './bundle-file';

/**
 * Checks shared by both drivers' `DB_CONNECTION_ARGS`: unknown options (except `handled` ones, which
 * the caller reports more precisely) and the obsolete `threadlocals`. Types (e.g. `autorollback`,
 * which peewee reads with Python truthiness) are the Schema check's.
 */
export function commonArgFindings(a: Record<string, unknown>, known: ReadonlySet<string>, handled: readonly string[], driver: string, consequence: string): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(a)) {
    if (known.has(key) || handled.includes(key)) continue;
    out.push(
      warning(`DB_CONNECTION_ARGS.${key}`, `DB_CONNECTION_ARGS.${key} is not a ${driver} connection option`, {
        code: 'db-connection-arg-unknown',
        hint: `Quay passes every key to the driver: ${consequence}`,
      }),
    );
  }
  if (a.threadlocals !== undefined) {
    out.push(
      warning('DB_CONNECTION_ARGS.threadlocals', 'DB_CONNECTION_ARGS.threadlocals is ignored: Quay removes it before connecting', {
        code: 'db-threadlocals-ignored',
        hint: 'delete it; it was required by old Quay versions only',
      }),
    );
  }
  return out;
}

export interface RootCertResult {
  findings: Finding[];
  anchors?: TrustAnchors;
  /** The file is named but cannot be used: the probe must not run with a guessed trust store. */
  unusable: boolean;
}

/** Resolves a CA file named in the config (`sslrootcert`, `ssl.ca`) against the bundle. */
export function rootCertFile(path: string | undefined, files: BundleFiles, field: string): RootCertResult {
  if (path === undefined || path.trim() === '') return { findings: [], unusable: false };
  const ref = resolveBundleFile(files, path);
  if (ref.kind === 'system') return { findings: [], anchors: 'system', unusable: false };
  if (ref.kind === 'outside') {
    return {
      findings: [
        warning(field, `${field} points outside the config bundle (${path}): it cannot be checked here, and Quay can read it only if it is mounted into the container`, {
          code: 'ssl-file-outside-bundle',
          hint: 'put the file into the bundle and refer to it as /conf/stack/<name>',
        }),
      ],
      unusable: true,
    };
  }
  if (ref.kind === 'missing') {
    return {
      findings: [error(field, `${field} names ${ref.name}, which is not in the config bundle`, { code: 'ssl-file-missing', hint: `add ${ref.name} to the bundle` })],
      unusable: true,
    };
  }
  const pems = pemCertificates(ref.text);
  if (pems.length === 0) {
    return {
      findings: [error(field, `${field}: ${ref.name} holds no PEM certificate`, { code: 'ssl-file-invalid' })],
      unusable: true,
    };
  }
  return { findings: [], anchors: { source: ref.name, pems }, unusable: false };
}

export interface ClientPairResult {
  findings: Finding[];
  cert?: string;
  key?: string;
  unusable: boolean;
}

/** A client certificate and its key: both or neither, both in the bundle, and matching. */
export function clientPair(a: Record<string, unknown>, files: BundleFiles, certKey: string, keyKey: string, prefix: string): ClientPairResult {
  const certPath = str(a, certKey);
  const keyPath = str(a, keyKey);
  if (certPath === undefined && keyPath === undefined) return { findings: [], unusable: false };
  const findings: Finding[] = [];
  if (certPath === undefined || keyPath === undefined) {
    const missing = certPath === undefined ? certKey : keyKey;
    const present = certPath === undefined ? keyKey : certKey;
    findings.push(error(`${prefix}.${missing}`, `${prefix}.${present} is set but ${prefix}.${missing} is not: a client certificate needs both`, { code: 'ssl-client-cert-incomplete' }));
    return { findings, unusable: true };
  }
  const texts: string[] = [];
  for (const [key, path] of [
    [certKey, certPath],
    [keyKey, keyPath],
  ] as const) {
    const ref = resolveBundleFile(files, path);
    if (ref.kind === 'bundle') texts.push(ref.text);
    else if (ref.kind === 'missing')
      findings.push(error(`${prefix}.${key}`, `${prefix}.${key} names ${ref.name}, which is not in the config bundle`, { code: 'ssl-file-missing', hint: `add ${ref.name} to the bundle` }));
    else findings.push(warning(`${prefix}.${key}`, `${prefix}.${key} points outside the config bundle (${path}): it cannot be checked here`, { code: 'ssl-file-outside-bundle' }));
  }
  const [cert, key] = texts;
  if (findings.length || cert === undefined || key === undefined) return { findings, unusable: true };
  if (pemCertificates(cert).length === 0) {
    findings.push(error(`${prefix}.${certKey}`, `${prefix}.${certKey} holds no PEM certificate`, { code: 'ssl-file-invalid' }));
    return { findings, unusable: true };
  }
  if (!keyMatches(cert, key)) {
    findings.push(error(`${prefix}.${keyKey}`, `${prefix}.${keyKey} does not belong to the certificate in ${prefix}.${certKey}`, { code: 'ssl-client-key-mismatch' }));
    return { findings, unusable: true };
  }
  return { findings, cert, key, unusable: false };
}

/** True unless both parse and provably do not match (an encrypted key is given the benefit of the doubt). */
function keyMatches(certPem: string, keyPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    return cert.checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return true;
  }
}
