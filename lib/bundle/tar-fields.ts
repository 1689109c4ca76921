/** Field decoding for tar headers and pax records, strict about every malformation. */

const BLOCK = 512;

/** The archive is not a well-formed tar stream; `entryName` is the entry at fault, if known. */
export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly entryName?: Buffer,
  ) {
    super(message);
  }
}

/** What pax headers or GNU long names override for the entry that follows them. */
export interface PaxOverrides {
  name?: Buffer;
  linkName?: Buffer;
  size?: number;
}

/** True if the 512-byte block has a valid tar header checksum (unsigned or the old signed form). */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.length < BLOCK) return false;
  const stored = parseOctal(Buffer.from(block.subarray(148, 156)));
  if (stored === null) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

/** The pax records a bundle reader needs: `path`, `linkpath`, `size`; the others are skipped. */
export function parsePax(body: Buffer, name: Buffer): PaxOverrides {
  const out: PaxOverrides = {};
  let at = 0;
  while (at < body.length) {
    if (body[at] === 0) break; // some writers pad the record area with NULs
    const space = body.indexOf(0x20, at);
    const length = space > at ? Number(body.toString('latin1', at, space)) : NaN;
    if (!Number.isInteger(length) || length <= space - at || at + length > body.length || body[at + length - 1] !== 0x0a) {
      throw new TarFormatError('corrupt pax extended header', name);
    }
    const record = body.subarray(space + 1, at + length - 1);
    const eq = record.indexOf(0x3d);
    if (eq <= 0) throw new TarFormatError('corrupt pax extended header', name);
    const key = record.toString('latin1', 0, eq);
    const value = record.subarray(eq + 1);
    if (key === 'path') out.name = Buffer.from(value);
    else if (key === 'linkpath') out.linkName = Buffer.from(value);
    else if (key === 'size') {
      const size = /^\d{1,15}$/.test(value.toString('latin1')) ? Number(value.toString('latin1')) : NaN;
      if (!Number.isSafeInteger(size)) throw new TarFormatError('corrupt pax size', name);
      out.size = size;
    }
    at += length;
  }
  return out;
}

/** Bytes up to the first NUL. */
export function cString(buf: Buffer, start: number, length: number): Buffer {
  const field = buf.subarray(start, start + length);
  const nul = field.indexOf(0);
  return Buffer.from(nul === -1 ? field : field.subarray(0, nul));
}

/** A numeric header field: octal text, or GNU base-256 for large values. */
export function parseNumber(block: Buffer, start: number, length: number, name: Buffer): number {
  const field = block.subarray(start, start + length);
  const first = field[0] ?? 0;
  if (first & 0x80) {
    if (first === 0xff) throw new TarFormatError('negative size in tar header', name);
    let value = first & 0x7f;
    for (const b of field.subarray(1)) value = value * 256 + b;
    if (!Number.isSafeInteger(value)) throw new TarFormatError('size in tar header is too large', name);
    return value;
  }
  const value = parseOctal(field);
  if (value === null) throw new TarFormatError('corrupt size field in tar header', name);
  return value;
}

function parseOctal(field: Buffer): number | null {
  const text = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '');
  if (text === '') return 0;
  return /^[0-7]{1,17}$/.test(text) ? parseInt(text, 8) : null;
}
