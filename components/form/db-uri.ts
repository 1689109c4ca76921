/**
 * DB_URI ⇄ its parts. SQLAlchemy URLs: `scheme://user:password@host:port/database?args`. User,
 * password and database are percent-encoded when built (a `@` or `/` in a password would otherwise
 * break the URI — a classic hand-editing mistake) and decoded when parsed.
 */
export interface DbUriParts {
  scheme: string;
  user: string;
  password: string;
  host: string;
  port: string;
  database: string;
  /** Everything after `?`, kept verbatim. */
  query: string;
}

const URI = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?(?:\/([^?#]*))?(?:\?([^#]*))?$/;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The parts of a DB_URI, or null when it is not a URI of that shape (then it is edited raw). */
export function parseDbUri(uri: string): DbUriParts | null {
  const m = URI.exec(uri.trim());
  if (!m) return null;
  const auth = m[2] ?? '';
  // The password is everything after the first ':' of the userinfo (it may itself contain ':').
  const colon = auth.indexOf(':');
  return {
    scheme: m[1] ?? '',
    user: decode(colon < 0 ? auth : auth.slice(0, colon)),
    password: colon < 0 ? '' : decode(auth.slice(colon + 1)),
    host: m[3] ?? '',
    port: m[4] ?? '',
    database: decode(m[5] ?? ''),
    query: m[6] ?? '',
  };
}

/** Builds the URI from its parts, percent-encoding user, password and database name. */
export function buildDbUri(p: DbUriParts): string {
  const user = encodeURIComponent(p.user);
  const auth = p.user || p.password ? `${user}${p.password ? `:${encodeURIComponent(p.password)}` : ''}@` : '';
  const host = p.host.includes(':') && !p.host.startsWith('[') ? `[${p.host}]` : p.host;
  const port = p.port ? `:${p.port}` : '';
  const db = p.database ? `/${encodeURIComponent(p.database)}` : '';
  return `${p.scheme}://${auth}${host}${port}${db}${p.query ? `?${p.query}` : ''}`;
}

/** The URI with its password replaced, for display. */
export function maskDbUri(uri: string): string {
  const p = parseDbUri(uri);
  if (!p || !p.password) return uri;
  return buildDbUri({ ...p, password: '' }).replace(`${encodeURIComponent(p.user)}@`, `${encodeURIComponent(p.user)}:••••••@`);
}

/** True when the widget shows the URI as separate fields (absent, or a URI of the usual shape). */
export function dbUriHasParts(value: unknown): boolean {
  return value === undefined || value === '' || (typeof value === 'string' && parseDbUri(value) !== null);
}
