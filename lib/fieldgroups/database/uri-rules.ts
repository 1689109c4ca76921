import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { QUAY_DB_SCHEMES, parseDbUri, type DbUri } from './db-uri';

/**
 * Offline rules for `DB_URI`. What breaks Quay is an error; what works but is risky is a warning.
 * Besides SQLAlchemy (the runtime), two other readers matter: the boot-time `config-tool validate`
 * (Go `url.Parse`, conf/init/01_validate_config.sh) and the schema migrations, which percent-decode
 * the whole URI before SQLAlchemy parses it again (data/migrations/env.py).
 */

const F = 'DB_URI';
const SHAPE = 'scheme://user:password@host:port/database';
const ENCODE_HINT = 'percent-encode reserved characters in the password: @ → %40, # → %23, / → %2F, ? → %3F, % → %25, space → %20';
/** Characters Go's url.Parse accepts raw in the user-info part (validUserinfo), besides letters and digits. */
const GO_USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0']);
/**
 * Schemes SQLAlchemy accepts that the boot-time config-tool refuses, and what to write instead.
 * config-tool's shared.ValidateDatabaseConnection branches on the exact scheme ("mysql+pymysql",
 * "postgresql"; later also "sqlite") and otherwise fails with "you must use a valid scheme" before
 * any connection is made; conf/init/d_validate_config_bundle.sh runs it at every boot and exits with
 * its status. Same at config-tool 133437f (Quay 3.9, its own database_test.go case MissingPyMysql:
 * mysql:// is invalid) and in quay/quay's config-tool copy (validators.go@074f35ee993e0e77cf2d89e50749f478dc84ab73),
 * so not release-dependent.
 */
const BOOT_CHECK_SCHEMES: Record<string, string> = { mysql: 'mysql+pymysql', 'postgresql+psycopg2': 'postgresql' };

export interface UriRulesResult {
  findings: Finding[];
  /** The parsed URI when it is usable for a connection check. */
  uri?: DbUri;
}

/** Checks `DB_URI`; a value of the wrong type is left to the Schema check. */
export function checkDbUri(value: unknown): UriRulesResult {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { findings: [required(F)] };
  }
  if (typeof value !== 'string') return { findings: [] };
  const uri = parseDbUri(value.trim());
  if (!uri) {
    return { findings: [error(F, `DB_URI is not a database URI of the form ${SHAPE}`, { code: 'db-uri-invalid', hint: 'e.g. postgresql://quay:password@db.example.com:5432/quay' })] };
  }
  const scheme = schemeFinding(uri.scheme);
  if (scheme) return { findings: [scheme] };

  const findings: Finding[] = [];
  const bootScheme = BOOT_CHECK_SCHEMES[uri.scheme];
  if (bootScheme) {
    findings.push(
      error(F, `DB_URI scheme "${uri.scheme}" works with SQLAlchemy, but Quay's boot-time check (config-tool validate) accepts only mysql+pymysql:// and postgresql://: Quay will not start`, {
        code: 'db-uri-scheme-boot-check',
        hint: `write ${bootScheme}:// instead of ${uri.scheme}://`,
      }),
    );
  }
  if (uri.dialect === 'sqlite') {
    findings.push(warning(F, 'DB_URI uses SQLite, which Quay supports for testing only', { code: 'db-sqlite', hint: 'use PostgreSQL 13 or newer for a real registry' }));
    return { findings };
  }
  if (uri.dialect === 'mysql') {
    findings.push(warning(F, 'DB_URI uses MySQL/MariaDB, which Quay has deprecated', { code: 'db-mysql-deprecated', hint: 'plan a move to PostgreSQL 13 or newer' }));
  }
  findings.push(...passwordFindings(uri));
  if (uri.host === undefined) {
    findings.push(error(F, `DB_URI has no host name (expected ${SHAPE})`, { code: 'db-uri-host-missing' }));
  } else if (LOOPBACK.has(uri.host.toLowerCase())) {
    findings.push(
      warning(F, `DB_URI points at ${uri.host}: inside the Quay container this is the container itself, not the database host`, {
        code: 'db-host-loopback',
        hint: "use the database server's host name or IP address as Quay's container sees it",
      }),
    );
  }
  if (uri.portText !== undefined && (uri.port === undefined || uri.port < 1 || uri.port > 65535)) {
    findings.push(error(F, 'DB_URI has an invalid port: it must be a number from 1 to 65535', { code: 'db-uri-port-invalid' }));
  }
  if (uri.username === undefined || uri.username === '') {
    findings.push(error(F, `DB_URI has no user name (expected ${SHAPE})`, { code: 'db-uri-user-missing' }));
  }
  if (uri.database === undefined) {
    findings.push(error(F, `DB_URI has no database name (expected ${SHAPE})`, { code: 'db-uri-database-missing' }));
  }
  if (uri.query !== undefined && uri.query !== '') {
    findings.push(
      warning(F, 'the query part of DB_URI (after "?") is ignored by Quay: only host, port, user, password and database are used', {
        code: 'db-uri-query-ignored',
        hint: 'move settings such as sslmode into DB_CONNECTION_ARGS',
      }),
    );
  }
  const usable = !findings.some((f) => f.severity === 'error');
  return usable ? { findings, uri } : { findings };
}

function schemeFinding(scheme: string): Finding | undefined {
  if ((QUAY_DB_SCHEMES as readonly string[]).includes(scheme)) return undefined;
  const lower = scheme.toLowerCase();
  const hint =
    lower === 'postgres' || lower.startsWith('postgres+')
      ? 'write postgresql:// (SQLAlchemy, which Quay uses, no longer accepts postgres://)'
      : (QUAY_DB_SCHEMES as readonly string[]).includes(lower)
        ? `write the scheme in lower case: ${lower}://`
        : lower.startsWith('mariadb')
          ? 'for MariaDB write mysql+pymysql://'
          : `use one of ${QUAY_DB_SCHEMES.map((s) => `${s}://`).join(', ')}`;
  return error(F, `DB_URI scheme "${scheme}" is not one Quay supports (${QUAY_DB_SCHEMES.join(', ')})`, { code: 'db-uri-scheme', hint });
}

function passwordFindings(uri: DbUri): Finding[] {
  const raw = uri.rawPassword;
  // SQLAlchemy ends the password at the first "@": the rest lands in the host name.
  if (uri.host?.includes('@')) {
    return [
      error(F, 'the password in DB_URI contains an unescaped "@", so Quay reads part of it as the host name', {
        code: 'db-uri-password-unencoded',
        hint: `${ENCODE_HINT}; note that Quay's migrations decode DB_URI before parsing it, so a password without "@" and "%" is the safest`,
      }),
    ];
  }
  if (raw === undefined || raw === '') return [];
  if (!GO_USERINFO_OK.test(raw) || /%(?![0-9A-Fa-f]{2})/.test(raw)) {
    // SQLAlchemy copes with a raw "#", "/" or "?", but Quay's boot-time config-tool check, psql and
    // most URI parsers cut the URI there, and a lone "%" is an invalid escape for them.
    return [error(F, 'the password in DB_URI contains characters that must be percent-encoded', { code: 'db-uri-password-unencoded', hint: ENCODE_HINT })];
  }
  const decoded = uri.password ?? '';
  if (decoded.includes('@') || decoded.includes('%')) {
    return [
      warning(F, 'the password in DB_URI contains "@" or "%": Quay\'s schema migrations percent-decode DB_URI before parsing it, which breaks such passwords even when encoded', {
        code: 'db-uri-password-migrations',
        hint: 'use a database password without "@" and "%"',
      }),
    ];
  }
  return [];
}
