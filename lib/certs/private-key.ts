import { createPrivateKey, type KeyObject } from 'node:crypto';
import { children, decodeOid, readTlv } from './der';
import { pemBlocks } from './pem';
import type { CertificateInfo } from './x509';

export type PrivateKeyResult = { ok: true; key: KeyObject; /** `rsa`, `ec`, `ed25519`, … */ type: string } | { ok: false; reason: 'missing' | 'encrypted' | 'unparsable'; message: string };

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

/**
 * Whether bytes hold a private key in any form Quay or a CA folder might see: a PEM `… PRIVATE KEY`
 * block, a DER key (PKCS#8, encrypted PKCS#8, PKCS#1 RSA, SEC1 EC), or a PKCS#12 (.p12/.pfx)
 * store, which exists to carry one. Such files must be 0600 and never pass for certificates.
 */
export function holdsPrivateKey(data: Uint8Array): boolean {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY/.test(bytes.toString('latin1'))) return true;
  if (bytes[0] !== 0x30) return false; // every DER form above is an ASN.1 SEQUENCE
  return isPkcs12(bytes) || isEncryptedPkcs8(bytes) || DER_TYPES.some((type) => parsesAs(bytes, type));
}

const DER_TYPES = ['pkcs8', 'pkcs1', 'sec1'] as const;

function parsesAs(bytes: Buffer, type: (typeof DER_TYPES)[number]): boolean {
  try {
    createPrivateKey({ key: bytes, format: 'der', type });
    return true;
  } catch {
    return false;
  }
}

/** PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo (pkcs7-data or signedData), … } */
function isPkcs12(bytes: Uint8Array): boolean {
  const pfx = readTlv(bytes);
  if (!pfx || pfx.end !== bytes.length) return false;
  const [version, authSafe] = children(pfx.tlv.content);
  if (version?.tag !== 0x02 || version.content.length !== 1 || version.content[0] !== 3 || authSafe?.tag !== 0x10) return false;
  const [type] = children(authSafe.content);
  return type?.tag === 0x06 && ['1.2.840.113549.1.7.1', '1.2.840.113549.1.7.2'].includes(decodeOid(type.content));
}

/** EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier (a PKCS#5 or PKCS#12 PBE scheme), OCTET STRING } */
function isEncryptedPkcs8(bytes: Uint8Array): boolean {
  const info = readTlv(bytes);
  if (!info || info.end !== bytes.length) return false;
  const parts = children(info.tlv.content);
  const [alg, data] = parts;
  if (parts.length !== 2 || alg?.tag !== 0x10 || data?.tag !== 0x04) return false;
  const [oid] = children(alg.content);
  if (oid?.tag !== 0x06) return false;
  const scheme = decodeOid(oid.content);
  return scheme.startsWith('1.2.840.113549.1.5.') || scheme.startsWith('1.2.840.113549.1.12.1.');
}

/** Whether the private key belongs to the certificate's public key (RSA, EC, EdDSA). */
export function keyMatchesCertificate(cert: Pick<CertificateInfo, 'x509'>, key: KeyObject): boolean {
  try {
    return cert.x509.checkPrivateKey(key);
  } catch {
    return false;
  }
}
