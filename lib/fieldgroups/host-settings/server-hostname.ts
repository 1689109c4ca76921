import { atLeast, DEFAULT_RELEASE, releaseName, type QuayRelease } from '../../schema/releases';
import net from 'node:net';
import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';

/** `SERVER_HOSTNAME` split into host and optional port. */
export interface ServerHostname {
  host: string;
  port?: number;
  kind: 'dns' | 'ipv4' | 'ipv6';
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const KEY = 'SERVER_HOSTNAME';

/** Parses `host[:port]` (host: DNS name, IPv4, or `[IPv6]`); undefined when it is not that. */
export function parseServerHostname(value: string): ServerHostname | undefined {
  const m = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m?.[1]) return undefined;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  const raw = m[1];
  const withPort = (h: ServerHostname): ServerHostname => (port === undefined ? h : { ...h, port });
  if (raw.startsWith('[')) {
    const inner = raw.slice(1, -1);
    return net.isIPv6(inner) ? withPort({ host: inner, kind: 'ipv6' }) : undefined;
  }
  if (net.isIPv4(raw)) return withPort({ host: raw, kind: 'ipv4' });
  const labels = raw.replace(/\.$/, '').split('.');
  if (raw.length > 253 || !labels.every((l) => LABEL.test(l))) return undefined;
  // All-numeric dotted names that are not valid IPv4 addresses (e.g. 999.1.1.1) are typos.
  if (labels.every((l) => /^\d+$/.test(l))) return undefined;
  return withPort({ host: raw.replace(/\.$/, ''), kind: 'dns' });
}

/** The first release whose boot validator refuses a single-label SERVER_HOSTNAME. */
export const SINGLE_LABEL_REFUSED_SINCE = '3.18';

/**
 * SERVER_HOSTNAME rules: required, `host[:port]` syntax (no scheme, path or spaces), no
 * single-label names other than `localhost`, and a warning for `quay.io`.
 */
export function serverHostnameFindings(value: unknown, release: QuayRelease = DEFAULT_RELEASE): { findings: Finding[]; parsed?: ServerHostname } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { findings: [required(KEY, '(the name clients use to reach the registry; Quay builds every URL from it)')] };
  }
  if (typeof value !== 'string') return { findings: [] }; // the Schema check reports the type
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return {
      findings: [error(KEY, `SERVER_HOSTNAME must not include a URL scheme ("${value}")`, {
        code: 'hostname-has-scheme',
        hint: 'give only host[:port], e.g. quay.example.com; the scheme goes into PREFERRED_URL_SCHEME',
      })],
    };
  }
  const parsed = parseServerHostname(value);
  if (!parsed) {
    return {
      findings: [error(KEY, `SERVER_HOSTNAME "${value}" is not a host name with an optional port`, {
        code: 'hostname-invalid',
        hint: 'use host[:port], e.g. quay.example.com or quay.example.com:8443: letters, digits, dots and hyphens only, no path, no spaces',
      })],
    };
  }
  const findings: Finding[] = [];
  if (parsed.kind === 'dns' && !parsed.host.includes('.') && parsed.host.toLowerCase() !== 'localhost') {
    // config-tool's ValidateIsHostname refuses single-label names (port or not, localhost aside) from
    // Quay 3.18 on (config-tool commit 7e65309d0, PROJQUAY-11314); before, Quay boots with them.
    const refused = atLeast(release, SINGLE_LABEL_REFUSED_SINCE);
    findings.push(
      (refused ? error : warning)(KEY, `SERVER_HOSTNAME "${parsed.host}" is a single-label name${refused ? `, which ${releaseName(release)} refuses at start` : ''}`, {
        code: 'hostname-single-label',
        hint: refused
          ? 'use the fully qualified name (e.g. quay.example.com)'
          : `use the fully qualified name (e.g. quay.example.com): clients resolve single-label names inconsistently, and Quay refuses them from ${SINGLE_LABEL_REFUSED_SINCE} on`,
      }),
    );
  }
  if (/quay\.io/i.test(parsed.host)) {
    findings.push(
      warning(KEY, `SERVER_HOSTNAME "${parsed.host}" contains quay.io, the public Quay service's name (and the schema's example value)`, {
        code: 'hostname-quay-io',
        hint: 'set the name under which YOUR registry is reached',
      }),
    );
  }
  return { findings, parsed };
}
