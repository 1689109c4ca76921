/**
 * `DB_URI` as Quay's runtime reads it. Quay hands the string to SQLAlchemy's `make_url`
 * (data/database.py `_db_from_url`), whose RFC-1738 regex is reproduced here so that we accept and
 * reject exactly what Quay does: the password ends at the *first* `@`, and the query string is
 * parsed but never used (only host, port, user, password and database reach the driver).
 */

/** Schemes in Quay's `_SCHEME_DRIVERS` (data/database.py); anything else is a KeyError at boot. */
export const QUAY_DB_SCHEMES = ['postgresql', 'postgresql+psycopg2', 'mysql', 'mysql+pymysql', 'sqlite'] as const;

export type DbDialect = 'postgresql' | 'mysql' | 'sqlite';

export interface DbUri {
  /** Driver name exactly as written (`postgresql+psycopg2`). */
  scheme: string;
  /** Known dialect, or undefined for a scheme Quay does not support. */
  dialect: DbDialect | undefined;
  /** Percent-decoded, as SQLAlchemy decodes it. */
  username?: string;
  password?: string;
  /** The password as written in the URI, before decoding. */
  rawPassword?: string;
  host?: string;
  /** The port text as written; `port` is set only when it is a number. */
  portText?: string;
  port?: number;
  database?: string;
  query?: string;
}

// SQLAlchemy 1.4 `_parse_rfc1738_args`, anchored at the start only (Python's re.match).
const RFC1738 =
  /^(?<name>[\w+]+):\/\/(?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?(?:(?:\[(?<ipv6host>[^/?]+)\]|(?<ipv4host>[^/:?]+))?(?::(?<port>[^/?]*))?)?(?:\/(?<database>[^?]*))?(?:\?(?<query>.*))?/;

/** Parses like SQLAlchemy's `make_url`; undefined when SQLAlchemy would raise "Could not parse". */
export function parseDbUri(uri: string): DbUri | undefined {
  const m = RFC1738.exec(uri);
  const g = m?.groups;
  if (!g || g.name === undefined) return undefined;
  const parsed: DbUri = { scheme: g.name, dialect: dialectOf(g.name) };
  if (g.username !== undefined) parsed.username = pyUnquote(g.username);
  if (g.password !== undefined) {
    parsed.rawPassword = g.password;
    parsed.password = pyUnquote(g.password);
  }
  const host = g.ipv4host ?? g.ipv6host;
  if (host) parsed.host = host;
  // SQLAlchemy: `if components["port"]: int(port)`, so an empty port means the default one.
  if (g.port) {
    parsed.portText = g.port;
    if (/^\d+$/.test(g.port)) parsed.port = Number(g.port);
  }
  if (g.database) parsed.database = g.database;
  if (g.query !== undefined) parsed.query = g.query;
  return parsed;
}

function dialectOf(scheme: string): DbDialect | undefined {
  if (scheme === 'postgresql' || scheme === 'postgresql+psycopg2') return 'postgresql';
  if (scheme === 'mysql' || scheme === 'mysql+pymysql') return 'mysql';
  if (scheme === 'sqlite') return 'sqlite';
  return undefined;
}

/** Python's `urllib.parse.unquote`: decodes valid `%XX` sequences and leaves invalid ones as they are. */
export function pyUnquote(s: string): string {
  // Runs of %XX are one byte sequence, decoded as UTF-8 with replacement, like Python does.
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

/** Default port of a dialect, as the drivers apply it when DB_URI names none. */
export function defaultPort(dialect: DbDialect): number | undefined {
  return dialect === 'postgresql' ? 5432 : dialect === 'mysql' ? 3306 : undefined;
}
