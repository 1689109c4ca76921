/** What a PEM block holds, from its `-----BEGIN <label>-----` line. */
export type PemKind = 'certificate' | 'private-key' | 'public-key' | 'certificate-request' | 'other';

/** One `-----BEGIN …----- … -----END …-----` block of a file. */
export interface PemBlock {
  label: string;
  kind: PemKind;
  /** The whole block, BEGIN and END lines included. */
  text: string;
  /** Private key protected by a passphrase (PKCS#8 `ENCRYPTED PRIVATE KEY` or a legacy `Proc-Type: 4,ENCRYPTED`). */
  encrypted: boolean;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** Every PEM block of a text, in order (text between blocks, like `openssl x509 -text` output, is ignored). */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1] ?? '';
    blocks.push({ label, kind: kindOf(label), text: m[0], encrypted: /ENCRYPTED/.test(label) || /Proc-Type:\s*4,ENCRYPTED/.test(m[0]) });
  }
  return blocks;
}

function kindOf(label: string): PemKind {
  if (label === 'CERTIFICATE' || label === 'X509 CERTIFICATE' || label === 'TRUSTED CERTIFICATE') return 'certificate';
  if (label.endsWith('PRIVATE KEY')) return 'private-key';
  if (label.endsWith('PUBLIC KEY')) return 'public-key';
  if (label.includes('CERTIFICATE REQUEST')) return 'certificate-request';
  return 'other';
}

/** Decodes file bytes as text; undefined when they are clearly binary (NUL bytes or invalid UTF-8). */
export function fileText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A DER-encoded (binary) certificate or key: starts with an ASN.1 SEQUENCE with a long-form length. */
export function looksLikeDer(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x30 && (bytes[1] === 0x82 || bytes[1] === 0x81 || bytes[1] === 0x83);
}
