import { isIPv4, isIPv6 } from '../../config/ip-address';
import { error } from '../../report/findings';
import type { Finding } from '../../report/types';

/**
 * `SERVER_HOSTNAME` syntax: `host[:port]`, no scheme, path or spaces. Free of Node APIs and of the
 * release data, so the wizard runs it as you type with the same messages the server reports.
 */

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
    return isIPv6(inner) ? withPort({ host: inner, kind: 'ipv6' }) : undefined;
  }
  if (isIPv4(raw)) return withPort({ host: raw, kind: 'ipv4' });
  const labels = raw.replace(/\.$/, '').split('.');
  if (raw.length > 253 || !labels.every((l) => LABEL.test(l))) return undefined;
  // All-numeric dotted names that are not valid IPv4 addresses (e.g. 999.1.1.1) are typos.
  if (labels.every((l) => /^\d+$/.test(l))) return undefined;
  return withPort({ host: raw.replace(/\.$/, ''), kind: 'dns' });
}

/** The syntax findings for a non-empty string value (none when it parses), and the parsed name. */
export function hostnameSyntax(value: string): { findings: Finding[]; parsed?: ServerHostname } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return {
      findings: [
        error(KEY, `SERVER_HOSTNAME must not include a URL scheme ("${value}")`, {
          code: 'hostname-has-scheme',
          hint: 'give only the host name, optionally followed by :port, e.g. quay.example.com or quay.example.com:8443; http or https goes into PREFERRED_URL_SCHEME',
        }),
      ],
    };
  }
  const parsed = parseServerHostname(value);
  if (!parsed) {
    return {
      findings: [
        error(KEY, `SERVER_HOSTNAME "${value}" is not a host name with an optional port`, {
          code: 'hostname-invalid',
          hint: 'use a host name, optionally followed by :port, e.g. quay.example.com or quay.example.com:8443: letters, digits, dots and hyphens only, no path, no spaces',
        }),
      ],
    };
  }
  return { findings: [], parsed };
}
