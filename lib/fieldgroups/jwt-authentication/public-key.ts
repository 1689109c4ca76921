import { createPublicKey, type KeyObject } from 'node:crypto';

/** Why `jwt-authn.cert` cannot verify Quay's RS256 tokens. */
export interface KeyProblem {
  code: string;
  message: string;
  hint?: string;
}

/**
 * Reads `jwt-authn.cert` as Quay does: PyJWT's RSA key loader takes a PEM public key (SPKI or
 * PKCS#1) or an OpenSSH `ssh-rsa` line, but not an X.509 certificate despite the file name, so a
 * certificate would fail at the first login (data/users/externaljwt.py, jwt/algorithms.py).
 */
export function parseJwtPublicKey(bytes: Uint8Array): { key: KeyObject } | { problem: KeyProblem } {
  const text = Buffer.from(bytes).toString('utf8');
  const trimmed = text.trim();
  if (trimmed.startsWith('ssh-rsa ')) return sshRsaKey(trimmed);
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  if (label === undefined) {
    return { problem: { code: 'jwt-key-invalid', message: 'jwt-authn.cert is neither a PEM public key nor an OpenSSH "ssh-rsa" public key' } };
  }
  if (label === 'CERTIFICATE') {
    return {
      problem: {
        code: 'jwt-key-is-certificate',
        message: 'jwt-authn.cert holds an X.509 certificate, but Quay loads it as a public key and cannot read a certificate',
        hint: 'extract the public key: openssl x509 -pubkey -noout -in cert.pem > jwt-authn.cert',
      },
    };
  }
  if (label.includes('PRIVATE KEY')) {
    return {
      problem: {
        code: 'jwt-key-is-private',
        message: 'jwt-authn.cert holds a private key: Quay needs only the public key, and the private key must not be in the bundle',
        hint: 'openssl pkey -in key.pem -pubout > jwt-authn.cert',
      },
    };
  }
  if (label !== 'PUBLIC KEY' && label !== 'RSA PUBLIC KEY') {
    return { problem: { code: 'jwt-key-invalid', message: `jwt-authn.cert holds a "${label}" block, not a public key` } };
  }
  const block = new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`).exec(text)?.[0] ?? '';
  try {
    return rsaOnly(createPublicKey(block));
  } catch (e) {
    return { problem: { code: 'jwt-key-invalid', message: `jwt-authn.cert cannot be parsed: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

function rsaOnly(key: KeyObject): { key: KeyObject } | { problem: KeyProblem } {
  if (key.asymmetricKeyType === 'rsa') return { key };
  return { problem: { code: 'jwt-key-not-rsa', message: `jwt-authn.cert holds an ${key.asymmetricKeyType ?? 'unknown'} key, but Quay only accepts RS256 tokens (an RSA key)` } };
}

/** Reads an SSH wire-format string (uint32 length + bytes) at `offset`. */
function sshField(blob: Buffer, offset: number): { value: Buffer; next: number } | undefined {
  if (offset + 4 > blob.length) return undefined;
  const len = blob.readUInt32BE(offset);
  if (offset + 4 + len > blob.length) return undefined;
  return { value: blob.subarray(offset + 4, offset + 4 + len), next: offset + 4 + len };
}

/** An OpenSSH `ssh-rsa AAAA… comment` line (RFC 4253 §6.6) as a key object. */
function sshRsaKey(line: string): { key: KeyObject } | { problem: KeyProblem } {
  const invalid = { problem: { code: 'jwt-key-invalid', message: 'jwt-authn.cert has an "ssh-rsa" line that cannot be decoded' } };
  const blob = Buffer.from(line.split(/\s+/)[1] ?? '', 'base64');
  const type = sshField(blob, 0);
  const e = type && sshField(blob, type.next);
  const n = e && sshField(blob, e.next);
  if (!type || !e || !n || type.value.toString() !== 'ssh-rsa') return invalid;
  const unsigned = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b).toString('base64url');
  try {
    return { key: createPublicKey({ key: { kty: 'RSA', n: unsigned(n.value), e: unsigned(e.value) }, format: 'jwk' }) };
  } catch {
    return invalid;
  }
}
