import { MAX_PATH_BYTES, MAX_PATH_DEPTH } from './limits';

/** Where an entry of a bundle belongs. */
export type Placement =
  | 'config' // config.yaml
  | 'top' // a top-level file: ssl.cert, database.pem, extra_ca_cert_foo, robots.txt, …
  | 'extra-ca' // extra_ca_certs/<file>
  | 'extra-ca-dir' // the extra_ca_certs directory itself
  | 'outside'; // anything else: reported and left out

/** The directory Quay adds to its trust store, file by file. */
export const EXTRA_CA_DIR = 'extra_ca_certs';

/** A checked entry name: relative, normalised (`./a//b` → `a/b`), valid UTF-8, printable. */
export interface EntryName {
  name: string;
  parts: string[];
}

/** Thrown by checkEntryName; the caller adds which entry and which bundle. */
export class EntryNameError extends Error {}

/**
 * Checks an entry name from an archive, a directory listing or a JSON body and normalises it.
 * Rejects what could point outside the bundle or hide what it is: absolute paths, `..`,
 * backslashes, non-UTF-8 bytes, control and invisible characters, too long or too deep paths.
 */
export function checkEntryName(raw: Uint8Array | string): EntryName {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (bytes.length > MAX_PATH_BYTES) throw new EntryNameError(`name is ${bytes.length} bytes long, over the ${MAX_PATH_BYTES}-byte limit`);
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new EntryNameError('name is not valid UTF-8');
  }
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\x00-\x1f\x7f-\x9f]/.test(text)) throw new EntryNameError('name contains a control character');
  // Zero-width and bidirectional-override characters make a name display as something it is not.
  if (/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(text)) {
    throw new EntryNameError('name contains an invisible or text-direction character');
  }
  if (text.includes('\\')) throw new EntryNameError('name contains a backslash');
  if (text.startsWith('/') || /^[A-Za-z]:/.test(text)) throw new EntryNameError('absolute path');
  const parts = text.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new EntryNameError('path contains ".." (it would leave the bundle directory)');
  if (parts.length > MAX_PATH_DEPTH) throw new EntryNameError(`path is ${parts.length} levels deep, over the limit of ${MAX_PATH_DEPTH}`);
  return { name: parts.join('/'), parts };
}

/** Where a checked entry goes: only config.yaml, top-level files and extra_ca_certs/* are kept. */
export function placementOf(entry: EntryName, kind: 'file' | 'dir'): Placement {
  const [first, second] = entry.parts;
  if (entry.parts.length === 1 && kind === 'dir') return first === EXTRA_CA_DIR ? 'extra-ca-dir' : 'outside';
  if (entry.parts.length === 1) return first === 'config.yaml' ? 'config' : 'top';
  if (entry.parts.length === 2 && first === EXTRA_CA_DIR && second !== undefined && kind === 'file') return 'extra-ca';
  return 'outside';
}

/** macOS archive litter (AppleDouble `._*` files, `.DS_Store`): never part of a Quay bundle. */
export function isDesktopLitter(entry: EntryName): boolean {
  const base = entry.parts[entry.parts.length - 1] ?? '';
  return base.startsWith('._') || base === '.DS_Store' || entry.parts[0] === '__MACOSX';
}

/**
 * A name as it can be shown in a message: quoted, with control characters and bytes that are not
 * UTF-8 escaped, so a hostile name cannot forge or garble the message.
 */
export function displayName(raw: Uint8Array | string): string {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const show = (b: number) => (b === 0x22 || b === 0x5c ? `\\${String.fromCharCode(b)}` : String.fromCharCode(b));
    return quote([...bytes].map((b) => (b >= 0x20 && b < 0x7f ? show(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join(''));
  }
  return quote(
    // eslint-disable-next-line no-control-regex -- escaping control characters is the point
    text.replace(/[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"\\]/g, (c) => (c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
  );
}

function quote(text: string): string {
  const max = MAX_PATH_BYTES + 45;
  return `"${text.length > max ? `${text.slice(0, max)}…` : text}"`;
}
