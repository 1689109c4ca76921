import type { IncomingHttpHeaders } from 'node:http';

/**
 * Cross-site request forgery defence. SameSite=Strict keeps the cookie off requests from other
 * *sites*, but another port of the same host is the same site, and a browser sends cached Basic
 * credentials anywhere. So a state-changing request must come from this server's own origin:
 * `Sec-Fetch-Site` (sent by every current browser) must be same-origin (or none: typed by the
 * user), and `Origin`, when present, must equal `https://<Host>`. Clients that send neither (curl,
 * CI scripts) are not browsers and are not at risk. Reads of the API from another origin are
 * refused as well, unless they are a top-level navigation.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function crossOriginRefusal(method: string, pathname: string, headers: IncomingHttpHeaders): string | null {
  const site = header(headers, 'sec-fetch-site')?.toLowerCase();
  if (SAFE_METHODS.has(method)) {
    const navigation = header(headers, 'sec-fetch-mode')?.toLowerCase() === 'navigate';
    if (pathname.startsWith('/api/') && (site === 'cross-site' || site === 'same-site') && !navigation) {
      return `refused a ${site} read of the API: only this server's own pages may call it`;
    }
    return null;
  }
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `refused a ${site} ${method} request: only this server's own pages may change anything`;
  }
  const origin = header(headers, 'origin');
  if (origin !== undefined && !sameOrigin(origin, header(headers, 'host'))) {
    return `refused a ${method} request from origin ${origin.slice(0, 100)}: only this server's own pages may change anything`;
  }
  return null;
}

/** `Origin` against the origin the browser used to reach us, compared as parsed URLs (ports and case normalised). */
export function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host || origin === 'null') return false;
  try {
    const own = new URL(`https://${host}`);
    if (own.pathname !== '/' || own.username || own.password) return false;
    return new URL(origin).origin === own.origin;
  } catch {
    return false;
  }
}

/** A browser request: it carries fetch metadata or an Origin, or asks for HTML. */
export function fromBrowser(headers: IncomingHttpHeaders): boolean {
  return (
    header(headers, 'sec-fetch-mode') !== undefined ||
    header(headers, 'sec-fetch-site') !== undefined ||
    header(headers, 'origin') !== undefined ||
    (header(headers, 'accept') ?? '').includes('text/html') ||
    /^Mozilla\//.test(header(headers, 'user-agent') ?? '')
  );
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
