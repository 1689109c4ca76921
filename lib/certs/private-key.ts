import { createPrivateKey, type KeyObject } from 'node:crypto';
import { pemBlocks } from './pem';
import type { CertificateInfo } from './x509';

export type PrivateKeyResult =
  | { ok: true; key: KeyObject; /** `rsa`, `ec`, `ed25519`, … */ type: string }
  | { ok: false; reason: 'missing' | 'encrypted' | 'unparsable'; message: string };

/**
 * The first private key of a PEM text (PKCS#1, PKCS#8 or SEC1 EC). A passphrase-protected key is
 * reported as such: Quay's nginx starts unattended and cannot prompt for one.
 */
export function parsePrivateKey(text: string): PrivateKeyResult {
  const block = pemBlocks(text).find((b) => b.kind === 'private-key');
  if (!block) return { ok: false, reason: 'missing', message: 'no PEM private key block found' };
  if (block.encrypted) return { ok: false, reason: 'encrypted', message: 'the private key is encrypted with a passphrase' };
  try {
    const key = createPrivateKey({ key: block.text, format: 'pem' });
    return { ok: true, key, type: key.asymmetricKeyType ?? 'unknown' };
  } catch (e) {
    return { ok: false, reason: 'unparsable', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Whether the private key belongs to the certificate's public key (RSA, EC, EdDSA). */
export function keyMatchesCertificate(cert: Pick<CertificateInfo, 'x509'>, key: KeyObject): boolean {
  try {
    return cert.x509.checkPrivateKey(key);
  } catch {
    return false;
  }
}
