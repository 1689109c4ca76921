import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { HarnessInfo } from '../harness/types';
import { generateServerCertificate } from '../../lib/keys/tls-certificates';

/**
 * Configs that carry planted secrets ("markers") in every secret-bearing key Quay has, and fail in
 * every way a validation can: wrong credentials against the real harness services, closed ports,
 * servers that never answer, malformed values, files that are private keys. The secrets suite
 * sends them through every channel and looks for the markers in everything that comes back.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Target = 'real' | 'closed' | 'hanging';

/** One marker per secret; the random part makes any fragment of it recognisable. */
export function makeMarkers() {
  const m = (what: string) => `MARKER-${what}-${randomBytes(8).toString('hex')}`;
  return {
    dbPass: m('DB-PASS'),
    mysqlPass: m('MYSQL-PASS'),
    redisPass: m('REDIS-PASS'),
    redisPass2: m('REDIS2-PASS'),
    ldapPass: m('LDAP-PASS'),
    keystonePass: m('KEYSTONE-PASS'),
    smtpPass: m('SMTP-PASS'),
    psk: Buffer.from(m('PSK')).toString('base64'),
    oidcSecret: m('OIDC-SECRET'),
    githubSecret: m('GITHUB-SECRET'),
    esSecret: m('ES-SECRET'),
    s3Secret: m('S3-SECRET'),
    swiftPass: m('SWIFT-PASS'),
    azureKey: Buffer.from(m('AZURE-KEY')).toString('base64'),
    secretKey: m('SECRET-KEY'),
    dbSecretKey: m('DB-SECRET-KEY'),
    urlPass: m('URL-PASS'),
    // Characters that JSON and URLs escape: a leak must be caught in its escaped form too.
    quoted: `${m('QUOTED')}"\\'<&>`,
  };
}
export type Markers = ReturnType<typeof makeMarkers>;

/** PEM private keys planted as bundle files (ssl.key, a key in the CA folder). */
export function makeKeys() {
  const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    sslKey: pem(),
    caFolderKey: pem(),
    /** A certificate for another key: ssl.cert and ssl.key do not match, so HostSettings reports on them. */
    sslCert: generateServerCertificate({ hostname: 'quay.example.com' }).serverCertPem,
  };
}
export type Keys = ReturnType<typeof makeKeys>;

/** Every form in which a secret could show up: as is, JSON-escaped, URL-encoded, decoded from base64, and any 10-character piece of its random part. */
export function secretForms(markers: Markers, keys: Keys): string[] {
  const forms = new Set<string>();
  for (const value of Object.values(markers)) {
    const decoded = /^[A-Za-z0-9+/]+=*$/.test(value) ? Buffer.from(value, 'base64').toString('latin1') : '';
    for (const v of [value, ...(decoded.startsWith('MARKER-') ? [decoded] : [])]) {
      forms.add(v);
      forms.add(JSON.stringify(v).slice(1, -1));
      forms.add(encodeURIComponent(v));
      const random = /MARKER-[A-Z0-9-]+-([0-9a-f]{16})/.exec(v)?.[1] ?? '';
      for (let i = 0; i + 10 <= random.length; i++) forms.add(random.slice(i, i + 10));
    }
  }
  for (const pem of [keys.sslKey, keys.caFolderKey]) {
    const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    for (let i = 0; i + 24 <= body.length; i += 97) forms.add(body.slice(i, i + 24));
  }
  return [...forms].filter((f) => f.length >= 8);
}

/** A PEM private key block with content (a hint naming the `-----BEGIN PRIVATE KEY-----` line is fine). */
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----(\\n|\r?\n)[A-Za-z0-9+/=]{16}/;

/** The secrets (and which form) found in `text`. */
export function leaksIn(text: string, forms: readonly string[]): string[] {
  const found = forms.filter((f) => text.includes(f));
  if (PEM_PRIVATE_KEY.test(text)) found.push('a PEM private key block');
  return found;
}

interface Endpoints {
  host: string;
  port: (real: number) => number;
  url: (real: string) => string;
}

/**
 * A config with every secret-bearing key set to a marker, pointing at the real services with
 * wrong credentials (`real`), at a closed port, or at a server that never answers. `auth` picks
 * the one authentication backend a config can have.
 */
export function failingConfig(h: HarnessInfo, m: Markers, target: Target, ports: { closed: number; hanging: number }, auth: 'LDAP' | 'Keystone'): Record<string, Json> {
  const s = (name: string): Record<string, Json> => {
    const info = h.services[name];
    if (!info) throw new Error(`the secrets suite needs the ${name} test service (QC_SERVICES=all or include ${name})`);
    return info as Record<string, Json>;
  };
  const [pg, redis, slapd, smtp, clair, oidc, oauth, es, ks, swift] = ['postgres', 'redis', 'slapd', 'smtp', 'clair', 'oidc', 'oauth', 'elasticsearch', 'keystone', 'swift'].map(s) as Array<
    Record<string, Json>
  >;
  const other = target === 'hanging' ? ports.hanging : ports.closed;
  const e: Endpoints =
    target === 'real'
      ? { host: '127.0.0.1', port: (p) => p, url: (u) => u }
      : {
          host: '127.0.0.1',
          port: () => other,
          url: (u) => {
            const x = new URL(u);
            x.hostname = '127.0.0.1';
            x.port = String(other);
            return x.toString().replace(/\/$/, '');
          },
        };
  const base = (u: string) => `${e.url(u).replace(/\/+$/, '')}/`;
  const github = (oauth?.github ?? {}) as Record<string, Json>;
  const config: Record<string, Json> = {
    SERVER_HOSTNAME: 'quay.example.com',
    PREFERRED_URL_SCHEME: 'https',
    SECRET_KEY: m.secretKey,
    DATABASE_SECRET_KEY: m.dbSecretKey,
    DB_URI: `postgresql://quay:${m.dbPass}@${e.host}:${e.port(Number(pg?.port))}/quay`,
    BUILDLOGS_REDIS: { host: e.host, port: e.port(Number(redis?.port)), password: m.redisPass },
    USER_EVENTS_REDIS: { host: e.host, port: e.port(Number(redis?.port)), password: m.redisPass2 },
    FEATURE_MAILING: true,
    MAIL_SERVER: e.host,
    MAIL_PORT: e.port(Number(smtp?.port)),
    MAIL_USE_TLS: true,
    MAIL_USE_AUTH: true,
    MAIL_USERNAME: String(smtp?.user),
    MAIL_PASSWORD: m.smtpPass,
    MAIL_DEFAULT_SENDER: 'quay@example.com',
    FEATURE_SECURITY_SCANNER: true,
    // Against the real Clair the PSK must be what fails; elsewhere the URL also carries credentials,
    // which an error quoting the URL must not show.
    SECURITY_SCANNER_V4_ENDPOINT: target === 'real' ? String(clair?.url) : e.url(String(clair?.url)).replace('://', `://scanner:${m.urlPass}@`),
    SECURITY_SCANNER_V4_PSK: m.psk,
    CUSTOMIDP_LOGIN_CONFIG: { OIDC_SERVER: base(String(oidc?.issuer)), CLIENT_ID: String(oidc?.clientId), CLIENT_SECRET: m.oidcSecret, SERVICE_NAME: 'IdP' },
    FEATURE_GITHUB_LOGIN: true,
    GITHUB_LOGIN_CONFIG: { GITHUB_ENDPOINT: base(String(oauth?.httpsUrl)), CLIENT_ID: String(github.clientId), CLIENT_SECRET: m.githubSecret },
    LOGS_MODEL: 'elasticsearch',
    LOGS_MODEL_CONFIG: { producer: 'elasticsearch', elasticsearch_config: { host: e.host, port: e.port(Number(es?.httpPort)), access_key: String(es?.user), secret_key: m.esSecret, use_ssl: false } },
    DISTRIBUTED_STORAGE_CONFIG: {
      default: [
        'RadosGWStorage',
        {
          hostname: e.host,
          port: e.port(Number(swift?.port)),
          is_secure: false,
          access_key: String(swift?.accessKey),
          secret_key: m.s3Secret,
          bucket_name: String(swift?.bucket),
          storage_path: '/registry',
        },
      ],
      swift: [
        'SwiftStorage',
        { auth_version: 1, auth_url: e.url(String(swift?.swiftAuthUrl)), swift_user: String(swift?.swiftUser), swift_password: m.swiftPass, swift_container: 'quay', storage_path: '/registry' },
      ],
      azure: ['AzureStorage', { azure_container: 'quay', storage_path: '/r', azure_account_name: 'quayacct', azure_account_key: m.azureKey, endpoint_url: `http://${e.host}:${other}` }],
    },
    DISTRIBUTED_STORAGE_PREFERENCE: ['default'],
    DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: ['default'],
    EXTERNAL_TLS_TERMINATION: false,
    LDAP_EMAIL_ATTR: 'mail',
  };
  if (auth === 'LDAP') {
    Object.assign(config, {
      AUTHENTICATION_TYPE: 'LDAP',
      LDAP_URI: target === 'real' ? String(slapd?.uri) : `ldap://${e.host}:${other}`,
      LDAP_ADMIN_DN: String(slapd?.adminDn),
      LDAP_ADMIN_PASSWD: m.ldapPass,
      LDAP_BASE_DN: slapd?.baseDn ?? [],
      LDAP_USER_RDN: slapd?.userRdn ?? [],
      LDAP_UID_ATTR: 'uid',
    });
  } else {
    Object.assign(config, {
      AUTHENTICATION_TYPE: 'Keystone',
      KEYSTONE_AUTH_VERSION: 3,
      KEYSTONE_AUTH_URL: `${base(String(ks?.url))}v3`,
      KEYSTONE_ADMIN_USERNAME: String(ks?.adminUsername),
      KEYSTONE_ADMIN_PASSWORD: m.keystonePass,
      KEYSTONE_ADMIN_TENANT: String(ks?.tenant),
    });
  }
  return config;
}

/** Malformed secret-bearing values: offline rules and type checks must not echo them either. */
export function malformedConfig(m: Markers): Record<string, Json> {
  return {
    SERVER_HOSTNAME: 'quay.example.com',
    SECRET_KEY: m.secretKey,
    DATABASE_SECRET_KEY: [m.dbSecretKey],
    DB_URI: `postgresql://quay:${m.dbPass}@127.0.0.1:notaport/quay`,
    BUILDLOGS_REDIS: { host: 5, port: 'x', password: m.redisPass },
    USER_EVENTS_REDIS: { host: 'r', password: { nested: m.redisPass2 } },
    AUTHENTICATION_TYPE: 'LDAP',
    LDAP_URI: 'ldapx://ldap.example.com',
    LDAP_ADMIN_DN: 'not a dn',
    LDAP_ADMIN_PASSWD: [m.ldapPass, 5],
    LDAP_BASE_DN: 5,
    FEATURE_MAILING: true,
    MAIL_SERVER: 'smtp.example.com',
    MAIL_USE_AUTH: true,
    MAIL_USERNAME: 'u',
    MAIL_PASSWORD: { value: m.smtpPass },
    FEATURE_SECURITY_SCANNER: true,
    SECURITY_SCANNER_V4_ENDPOINT: `http://scanner:${m.urlPass}@clair.example.com:notaport/`,
    SECURITY_SCANNER_V4_PSK: `${m.psk}!!not-base64`,
    CUSTOMIDP_LOGIN_CONFIG: { OIDC_SERVER: 'http://idp.example.com', CLIENT_ID: 5, CLIENT_SECRET: m.oidcSecret },
    LOGS_MODEL: 'elasticsearch',
    LOGS_MODEL_CONFIG: { producer: 'elasticsearch', elasticsearch_config: { host: 'es', port: 'x', access_key: 'a', secret_key: m.esSecret, aws_region: 5 } },
    DISTRIBUTED_STORAGE_CONFIG: {
      default: ['S3Storage', { s3_bucket: 5, storage_path: '/r', s3_access_key: 'AKIA', s3_secret_key: m.s3Secret, host: 's3.example.com', port: 'x' }],
      azure: ['AzureStorage', { azure_container: 'Bad--Name', storage_path: '/r', azure_account_name: 'quayacct', azure_account_key: `${m.azureKey}!`, sas_token: `sv=2022&sig=${m.urlPass}` }],
      swift: [
        'SwiftStorage',
        { auth_version: 9, auth_url: `https://user:${m.swiftPass}@swift.example.com/auth`, swift_user: 'u', swift_password: m.swiftPass, swift_container: 'c', storage_path: '/r' },
      ],
    },
    DISTRIBUTED_STORAGE_PREFERENCE: ['default'],
    DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: ['nowhere'],
    GITHUB_LOGIN_CONFIG: { GITHUB_ENDPOINT: 'not a url', CLIENT_ID: 'x', CLIENT_SECRET: m.githubSecret },
    FEATURE_GITHUB_LOGIN: true,
    // Typos: the value is still a secret even though the key is not recognised as one.
    LDAP_ADMIN_PASWD: m.quoted,
    KEYSTONE_ADMIN_PASSWORD: m.keystonePass,
    DB_CONNECTION_ARGS: { sslmode: 'verify-full', password: m.mysqlPass, sslrootcert: 5 },
  };
}

/** Bundle files: a private key that matches no certificate, and a key where only CAs belong. */
export function secretFiles(h: HarnessInfo, keys: Keys, malformed: boolean): Record<string, string> {
  return {
    'ssl.cert': keys.sslCert,
    'ssl.key': malformed ? keys.sslKey.replace(/\n(.{10})/, '\n$1!!!garbage!!!') : keys.sslKey,
    'extra_ca_certs/test-ca.crt': h.certs.caPem,
    'extra_ca_certs/oops.pem': keys.caFolderKey,
  };
}
