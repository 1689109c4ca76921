/**
 * IPv4 / IPv6 address syntax without Node's `net`, so that checks using it also run in the browser
 * (the wizard's as-you-type checks). Same answers as `net.isIPv4` / `net.isIPv6`.
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const GROUP = /^[0-9a-f]{1,4}$/i;

/** True for a dotted-quad IPv4 address (no leading zeros, as Node). */
export function isIPv4(value: string): boolean {
  return IPV4.test(value);
}

/** True for an IPv6 address: `::` compression, an IPv4 tail, an optional `%zone`. */
export function isIPv6(value: string): boolean {
  const percent = value.indexOf('%');
  if (percent === 0 || percent === value.length - 1) return false;
  let address = percent > 0 ? value.slice(0, percent) : value;
  const lastColon = address.lastIndexOf(':');
  if (lastColon < 0) return false;
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An IPv4 tail stands for the last two groups.
    if (!isIPv4(tail)) return false;
    address = `${address.slice(0, lastColon + 1)}0:0`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  if (![...left, ...right].every((g) => GROUP.test(g))) return false;
  const count = left.length + right.length;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * 4, 6 or 0, as `net.isIP`. Node's own IPv6 pattern is a very large regular expression that V8
 * compiles at its first use, ~4.6 ms, and again when it tiers up: a host-name check at every start
 * of the CLI does not need it (issue 11).
 */
export function ipFamily(value: string): 0 | 4 | 6 {
  return isIPv4(value) ? 4 : isIPv6(value) ? 6 : 0;
}
