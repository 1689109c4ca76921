/**
 * A minimal DER reader: just enough to walk an X.509 certificate to its extensions. Node's
 * `X509Certificate` does not expose key usage bits or raw SAN entries, and node-forge cannot load
 * certificates with EC keys, so the few fields we need are read here. Never throws: malformed
 * input reads as `undefined`.
 */

/** One DER element: its tag and the bytes of its content. */
export interface Tlv {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  tagClass: number;
  constructed: boolean;
  tag: number;
  content: Uint8Array;
}

/** Reads the element starting at `offset`; `end` is the offset just after it. */
export function readTlv(buf: Uint8Array, offset = 0): { tlv: Tlv; end: number } | undefined {
  let i = offset;
  const first = buf[i++];
  if (first === undefined) return undefined;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (let n = 0; ; n++) {
      const b = buf[i++];
      if (b === undefined || n > 3) return undefined;
      tag = (tag << 7) | (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  const lenByte = buf[i++];
  if (lenByte === undefined) return undefined;
  let length = lenByte;
  if (lenByte & 0x80) {
    const count = lenByte & 0x7f;
    // Indefinite lengths are not DER; more than 4 length bytes cannot be a certificate.
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let n = 0; n < count; n++) {
      const b = buf[i++];
      if (b === undefined) return undefined;
      length = length * 256 + b;
    }
  }
  const end = i + length;
  if (end > buf.length) return undefined;
  return {
    tlv: { tagClass: first >> 6, constructed: (first & 0x20) !== 0, tag, content: buf.subarray(i, end) },
    end,
  };
}

/** The elements inside a constructed element (or inside any byte range). */
export function children(content: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < content.length) {
    const r = readTlv(content, offset);
    if (!r) break;
    out.push(r.tlv);
    offset = r.end;
  }
  return out;
}

/** Dotted form of an OBJECT IDENTIFIER's content bytes, e.g. `2.5.29.17`. */
export function decodeOid(content: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const b of content) {
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 40 ? 0 : value < 80 ? 1 : 2;
        parts.push(first, value - first * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    }
  }
  return parts.join('.');
}

/** Universal tag numbers used here. */
export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  OID: 6,
  SEQUENCE: 16,
} as const;
