import { canonicalIp } from './ip';
import type { CertificateInfo } from './x509';

/**
 * Host name verification per RFC 6125 against subjectAltName entries only.
 *
 * Deliberate choice: a certificate without SANs is rejected even when its CN equals the host.
 * Modern Go (≥1.15, so Docker, Podman and Quay's Go tooling), Chrome and Firefox ignore the CN, so
 * such a certificate breaks `docker login` however well it "matches". config-tool's two upstream
 * tests disagreed here (quay-config-tool.md §7.1), and Node's `checkServerIdentity` still falls
 * back to the CN, so we do not use it.
 */

export type HostnameMatch = { ok: true; matched: string } | { ok: false; reason: 'cn-only'; commonName?: string } | { ok: false; reason: 'no-match'; names: string[] };

/** Does the certificate name `host` (a DNS name or an IP address, without port)? */
export function matchCertificateHostname(cert: Pick<CertificateInfo, 'dnsNames' | 'ipAddresses' | 'hasSubjectAltName' | 'commonName'>, host: string): HostnameMatch {
  if (!cert.hasSubjectAltName || (cert.dnsNames.length === 0 && cert.ipAddresses.length === 0)) {
    return cert.commonName !== undefined ? { ok: false, reason: 'cn-only', commonName: cert.commonName } : { ok: false, reason: 'cn-only' };
  }
  const ip = canonicalIp(host);
  if (ip !== undefined) {
    // An IP address only matches an iPAddress SAN, never a DNS entry (RFC 6125 §1.7.2).
    const hit = cert.ipAddresses.find((a) => a === ip);
    return hit ? { ok: true, matched: hit } : { ok: false, reason: 'no-match', names: [...cert.dnsNames, ...cert.ipAddresses] };
  }
  const hit = cert.dnsNames.find((pattern) => dnsNameMatches(pattern, host));
  return hit ? { ok: true, matched: hit } : { ok: false, reason: 'no-match', names: [...cert.dnsNames, ...cert.ipAddresses] };
}

/**
 * One DNS SAN against a host name: case-insensitive, trailing dots ignored; a wildcard only as the
 * whole left-most label (`*.example.com`), matching exactly one label, and never on a name with
 * fewer than three labels (`*.com`). Partial wildcards (`f*.example.com`) are rejected, as Go and
 * the browsers do.
 */
export function dnsNameMatches(pattern: string, host: string): boolean {
  const p = normalise(pattern);
  const h = normalise(host);
  if (!p || !h) return false;
  if (!p.includes('*')) return p === h;
  const [first, ...rest] = p.split('.');
  if (first !== '*' || rest.length < 2 || rest.some((l) => l.includes('*') || l === '')) return false;
  const hostLabels = h.split('.');
  const [hostFirst, ...hostRest] = hostLabels;
  return hostFirst !== undefined && hostFirst !== '' && hostRest.join('.') === rest.join('.');
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
