import { ipFamily } from '../config/ip-address';

/**
 * Canonical text of an IP address (`::1`, `10.0.0.1`), so that a SAN entry and a host name written
 * differently (`0:0:0:0:0:0:0:1` vs `::1`) compare equal. Returns undefined for anything else.
 */
export function canonicalIp(text: string): string | undefined {
  const bare = text.replace(/^\[|\]$/g, '');
  const family = ipFamily(bare);
  if (family === 4) return bare;
  if (family === 6) {
    try {
      // The WHATWG URL parser serialises IPv6 hosts in their canonical compressed form.
      return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The text form of a SAN `iPAddress` entry (4 or 16 raw bytes). */
export function ipFromBytes(bytes: Uint8Array): string | undefined {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
    return canonicalIp(groups.join(':'));
  }
  return undefined;
}
