import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { issueCertificate } from '../certs/issue';

/**
 * A self-signed CA and a server certificate for `SERVER_HOSTNAME`, as the openssl steps in Quay's
 * documentation make them ("Using SSL to protect connections to Red Hat Quay"): the CA goes into
 * `extra_ca_certs/` and to clients (`/etc/containers/certs.d/<host>/ca.crt`); `ssl.cert` and
 * `ssl.key` go into the bundle. Unlike many hand-made certificates, the server one has SANs.
 */

export interface GeneratedCa {
  certPem: string;
  /** PKCS#1 PEM. Secret: offered for download once, never stored in the bundle. */
  keyPem: string;
}

export interface ServerCertificateBundle {
  ca: GeneratedCa;
  /** `ssl.cert`: the server certificate followed by the CA (a complete chain for nginx). */
  sslCert: string;
  /** `ssl.key`, PKCS#1 PEM (mode 0600 in the bundle). */
  sslKey: string;
  /** The server certificate alone. */
  serverCertPem: string;
}

export interface ServerCertificateOptions {
  /** `SERVER_HOSTNAME`, with or without `:port` (the port is dropped). */
  hostname: string;
  /** Extra IP SANs, e.g. the registry's address for clients that use it. */
  ips?: string[];
  /** Extra DNS SANs. */
  altNames?: string[];
  /** Reuse a CA (e.g. one generated earlier); a new one otherwise. */
  ca?: GeneratedCa;
  caDays?: number;
  serverDays?: number;
  organization?: string;
  now?: Date;
}

const DAY = 86_400_000;

function rsaPair(): { keyPem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    keyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A root CA: basicConstraints CA:TRUE (critical), keyCertSign + cRLSign. */
export function generateCa(opts: { commonName?: string; organization?: string; days?: number; now?: Date } = {}): GeneratedCa {
  const now = opts.now ?? new Date();
  const { keyPem, publicPem } = rsaPair();
  const certPem = issueCertificate({
    commonName: opts.commonName ?? 'Quay Root CA',
    organization: opts.organization ?? 'quay-config',
    isCA: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + (opts.days ?? 3650) * DAY),
    publicKeyPem: publicPem,
    signingKeyPem: keyPem,
  });
  return { certPem, keyPem };
}

/** Host part of `SERVER_HOSTNAME` (no port, no IPv6 brackets). */
export function hostWithoutPort(serverHostname: string): string {
  const t = serverHostname.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(t);
  if (bracketed?.[1]) return bracketed[1];
  return t.replace(/:\d+$/, '');
}

/**
 * An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, `::ffff:c000:201`) as the IPv4 address it is:
 * clients reach it over IPv4 and match that form, and the certificate library refuses the mapped one.
 */
export function unmappedIp(ip: string): string {
  if (!net.isIPv6(ip) || !URL.canParse(`http://[${ip}]/`)) return ip;
  // The URL parser writes every IPv6 form canonically: ::ffff:127.0.0.1 becomes ::ffff:7f00:1.
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!hex?.[1] || !hex[2]) return ip;
  const hi = Number.parseInt(hex[1], 16);
  const lo = Number.parseInt(hex[2], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** A server certificate for the host (SAN DNS or IP + extras), signed by a new or given CA. */
export function generateServerCertificate(opts: ServerCertificateOptions): ServerCertificateBundle {
  const now = opts.now ?? new Date();
  const ca = opts.ca ?? generateCa({ organization: opts.organization, days: opts.caDays, now });
  const host = hostWithoutPort(opts.hostname);
  const isIp = net.isIP(host) !== 0;
  const dnsNames = [...(isIp ? [] : [host]), ...(opts.altNames ?? [])];
  const ipAddresses = [...new Set([...(isIp ? [host] : []), ...(opts.ips ?? [])].map(unmappedIp))];
  const { keyPem, publicPem } = rsaPair();
  const serverCertPem = issueCertificate({
    commonName: host,
    organization: opts.organization ?? 'quay-config',
    dnsNames,
    ipAddresses,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extKeyUsage: ['serverAuth'],
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + (opts.serverDays ?? 365) * DAY),
    publicKeyPem: publicPem,
    signingKeyPem: ca.keyPem,
    issuerCertPem: ca.certPem,
  });
  return { ca, sslCert: `${serverCertPem.trim()}\n${ca.certPem.trim()}\n`, sslKey: keyPem, serverCertPem };
}
