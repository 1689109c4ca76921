import net from 'node:net';

/**
 * Who a client is, for per-client budgets: its IPv4 address (an IPv4-mapped IPv6 address counts
 * as the IPv4 one), or its IPv6 /64, since one host usually owns a whole /64 and could otherwise
 * take a fresh budget per address.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const kind = net.isIP(address);
  if (kind === 4) return address;
  if (kind !== 6) return 'unknown';
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lowercase hex without leading zeros. */
function expandIpv6(address: string): string[] {
  const withoutZone = address.split('%')[0] ?? address;
  const [head = '', tail] = withoutZone.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((g) => (g.includes('.') ? g : Number.parseInt(g, 16).toString(16)));
}
