import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isObject, type ConfigMap } from '../../lib/config/values';
import { renderFresh } from '../../lib/config/edit-render';
import { generateSecretKey } from '../../lib/keys/secret-key';
import { generateServerCertificate } from '../../lib/keys/tls-certificates';
import type { PublicEndpoints } from '../../lib/probes/context';
import type { FieldGroupId } from '../../lib/report/types';
import { oauthInfo } from './services/oauth';
import { oidcInfo } from './services/oidc';
import type { HarnessInfo } from './types';

/**
 * A complete, correct Quay config bundle built from the running harness services: what an
 * administrator of a real installation would hand to `quay-config validate`. Every service the
 * validator can probe is in it, each reached the way production would reach it (TLS verified
 * against the harness CA wherever the service speaks TLS). Used by test/online/** and by
 * `npm run bench`.
 */

/** The SERVER_HOSTNAME: the OIDC fake has registered https://quay.example.com/oauth2/fakeidp/callback. */
export const SERVER_HOSTNAME = 'quay.example.com';

/** The OIDC provider key: its service id `fakeidp` is part of the registered redirect URI. */
export const OIDC_KEY = 'FAKEIDP_LOGIN_CONFIG';

/** Where Quay mounts the bundle: files the config names by path live here. */
const STACK = '/conf/stack';

const postgresInfo = z.object({ host: z.string(), port: z.number(), user: z.string(), password: z.string(), database: z.string(), databaseNoTrgm: z.string() });
const redisInfo = z.object({ host: z.string(), port: z.number(), tlsPort: z.number(), password: z.string() });
const slapdInfo = z.object({
  ldapsUri: z.string(),
  tlsPort: z.number(),
  baseDn: z.array(z.string()),
  userRdn: z.array(z.string()),
  adminDn: z.string(),
  adminPassword: z.string(),
  users: z.array(z.string()),
});
const swiftInfo = z.object({
  port: z.number(),
  httpsPort: z.number(),
  accessKey: z.string(),
  secretKey: z.string(),
  bucket: z.string(),
  swiftAuthUrl: z.string(),
  swiftUser: z.string(),
  swiftKey: z.string(),
  container: z.string(),
  tempUrlKey: z.string(),
});
const smtpInfo = z.object({ host: z.string(), port: z.number(), user: z.string(), password: z.string() });
const clairInfo = z.object({ url: z.string(), httpsUrl: z.string(), psk: z.string() });
const esInfo = z.object({ httpsPort: z.number(), user: z.string(), password: z.string() });

/** The service infos this config needs, parsed (not cast) from `inject('harness').services`. */
export interface ServiceInfos {
  postgres: z.infer<typeof postgresInfo>;
  redis: z.infer<typeof redisInfo>;
  slapd: z.infer<typeof slapdInfo>;
  swift: z.infer<typeof swiftInfo>;
  smtp: z.infer<typeof smtpInfo>;
  clair: z.infer<typeof clairInfo>;
  elasticsearch: z.infer<typeof esInfo>;
  oidc: z.infer<typeof oidcInfo>;
  oauth: z.infer<typeof oauthInfo>;
}

/** Parses the infos of every service the complete config uses; throws naming a missing service. */
export function parseServiceInfos(services: HarnessInfo['services']): ServiceInfos {
  const pick = <T>(name: string, schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(services[name]);
    if (!parsed.success) throw new Error(`harness service "${name}" is not running or has an unexpected info shape: ${parsed.error.message}`);
    return parsed.data;
  };
  return {
    postgres: pick('postgres', postgresInfo),
    redis: pick('redis', redisInfo),
    slapd: pick('slapd', slapdInfo),
    swift: pick('swift', swiftInfo),
    smtp: pick('smtp', smtpInfo),
    clair: pick('clair', clairInfo),
    elasticsearch: pick('elasticsearch', esInfo),
    oidc: pick('oidc', oidcInfo),
    oauth: pick('oauth', oauthInfo),
  };
}

export interface CompleteConfigOptions {
  /**
   * `true`: also GitHub login as on github.com and Google login, whose public endpoints only
   * `validateConfig(…, {endpoints})` can re-point at the fakes (the CLI has no such option). `false`
   * (default): GitHub login as GitHub Enterprise (GITHUB_ENDPOINT = the fake), which the CLI can check.
   */
  publicProviders?: boolean;
}

/** A bundle in memory, plus what a caller needs to validate it and to check the report. */
export interface CompleteBundle {
  config: ConfigMap;
  /** Bundle files by relative path (`ssl.cert`, `extra_ca_certs/harness-ca.crt`, …). */
  files: Map<string, Buffer>;
  /** Public endpoints for `validateConfig` (GitHub/Google fakes); empty without public providers. */
  endpoints: Partial<PublicEndpoints>;
  /** Every secret value in the config: none may appear in a report. */
  secrets: string[];
  /** Groups this config enables and their probes check (online). */
  probedGroups: FieldGroupId[];
  /** Groups it enables that only have offline rules. */
  offlineGroups: FieldGroupId[];
}

/**
 * Builds the complete config from the running services.
 * `harness.certs.dir` must hold the harness CA key (`ca.key`), which signs `ssl.cert`.
 */
export function buildCompleteConfig(harness: Pick<HarnessInfo, 'certs' | 'services'>, options: CompleteConfigOptions = {}): CompleteBundle {
  const s = parseServiceInfos(harness.services);
  const caPem = harness.certs.caPem;
  const publicProviders = options.publicProviders ?? false;

  // Quay's own TLS: a server certificate for SERVER_HOSTNAME issued by the harness CA, whose
  // certificate goes into extra_ca_certs/ as an administrator's internal CA would.
  const caKeyPem = createPrivateKey(readFileSync(path.join(harness.certs.dir, 'ca.key')))
    .export({ type: 'pkcs1', format: 'pem' })
    .toString();
  const server = generateServerCertificate({ hostname: SERVER_HOSTNAME, ca: { certPem: caPem, keyPem: caKeyPem } });

  // Fresh keys, as the wizard generates them (256 bits, hex).
  const secretKey = generateSecretKey();
  const databaseSecretKey = generateSecretKey();
  const ldapUser = s.slapd.users[0] ?? 'alice';

  const github = publicProviders ? { GITHUB_ENDPOINT: 'https://github.com/', API_ENDPOINT: 'https://api.github.com/' } : { GITHUB_ENDPOINT: `${s.oauth.httpsUrl}/` };

  const config: ConfigMap = {
    // Host and TLS.
    SERVER_HOSTNAME,
    PREFERRED_URL_SCHEME: 'https',
    EXTERNAL_TLS_TERMINATION: false,
    SECRET_KEY: secretKey,
    DATABASE_SECRET_KEY: databaseSecretKey,
    REGISTRY_TITLE: 'Quay (complete config)',
    REGISTRY_TITLE_SHORT: 'Quay',
    SETUP_COMPLETE: true,

    // PostgreSQL with pg_trgm, TLS verify-full against database.pem (libpq reads sslrootcert only).
    DB_URI: `postgresql://${s.postgres.user}:${encodeURIComponent(s.postgres.password)}@localhost:${s.postgres.port}/${s.postgres.database}`,
    DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: `${STACK}/database.pem` },

    // Redis: plain for build logs and pull metrics, TLS (CA from extra_ca_certs/) for user events.
    BUILDLOGS_REDIS: { host: s.redis.host, port: s.redis.port, password: s.redis.password },
    USER_EVENTS_REDIS: { host: 'localhost', port: s.redis.tlsPort, password: s.redis.password, ssl: true },
    PULL_METRICS_REDIS: { host: s.redis.host, port: s.redis.port, password: s.redis.password, db: 1 },

    // LDAP over ldaps, trusting ldap.crt; the super user exists in the directory.
    AUTHENTICATION_TYPE: 'LDAP',
    LDAP_URI: s.slapd.ldapsUri,
    LDAP_ADMIN_DN: s.slapd.adminDn,
    LDAP_ADMIN_PASSWD: s.slapd.adminPassword,
    LDAP_BASE_DN: s.slapd.baseDn,
    LDAP_USER_RDN: s.slapd.userRdn,
    LDAP_UID_ATTR: 'uid',
    LDAP_EMAIL_ATTR: 'mail',
    SUPER_USERS: [ldapUser],
    // LDAP passwords travel in docker/podman logins: Quay should insist on encrypted passwords.
    FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH: true,
    FEATURE_TEAM_SYNCING: true,
    TEAM_RESYNC_STALE_TIME: '60m',

    // Storage: S3 (Swift's s3api over TLS) preferred, a Swift v1 location next to it.
    DISTRIBUTED_STORAGE_CONFIG: {
      default: [
        'S3Storage',
        { host: 'localhost', port: s.swift.httpsPort, s3_access_key: s.swift.accessKey, s3_secret_key: s.swift.secretKey, s3_bucket: s.swift.bucket, storage_path: '/datastorage/registry' },
      ],
      swift: [
        'SwiftStorage',
        {
          auth_version: 1,
          auth_url: s.swift.swiftAuthUrl,
          swift_user: s.swift.swiftUser,
          swift_password: s.swift.swiftKey,
          swift_container: s.swift.container,
          storage_path: '/registry',
          temp_url_key: s.swift.tempUrlKey,
        },
      ],
    },
    DISTRIBUTED_STORAGE_PREFERENCE: ['default', 'swift'],
    DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: ['default'],
    USERFILES_LOCATION: 'default',
    USERFILES_PATH: 'userfiles/',
    LOG_ARCHIVE_LOCATION: 'default',
    LOG_ARCHIVE_PATH: 'logarchive/',

    // Mail: STARTTLS + AUTH.
    FEATURE_MAILING: true,
    MAIL_SERVER: 'localhost',
    MAIL_PORT: s.smtp.port,
    MAIL_USE_TLS: true,
    MAIL_USE_AUTH: true,
    MAIL_USERNAME: s.smtp.user,
    MAIL_PASSWORD: s.smtp.password,
    MAIL_DEFAULT_SENDER: 'quay@example.com',

    // Clair v4 over https, with its PSK.
    FEATURE_SECURITY_SCANNER: true,
    SECURITY_SCANNER_V4_ENDPOINT: s.clair.httpsUrl,
    SECURITY_SCANNER_V4_PSK: s.clair.psk,
    SECURITY_SCANNER_INDEXING_INTERVAL: 30,

    // Action logs in Elasticsearch (basic auth over TLS), archived to storage.
    LOGS_MODEL: 'elasticsearch',
    LOGS_MODEL_CONFIG: {
      producer: 'elasticsearch',
      elasticsearch_config: { host: 'localhost', port: s.elasticsearch.httpsPort, access_key: s.elasticsearch.user, secret_key: s.elasticsearch.password, index_prefix: 'logentry_' },
    },
    FEATURE_ACTION_LOG_ROTATION: true,
    ACTION_LOG_ARCHIVE_LOCATION: 'default',
    ACTION_LOG_ARCHIVE_PATH: 'actionlogarchive/',
    ACTION_LOG_ROTATION_THRESHOLD: '30d',

    // External logins: an OIDC provider and GitHub.
    [OIDC_KEY]: { OIDC_SERVER: `${s.oidc.issuer}/`, CLIENT_ID: s.oidc.clientId, CLIENT_SECRET: s.oidc.clientSecret, SERVICE_NAME: 'Fake IdP', LOGIN_SCOPES: ['openid', 'email', 'profile'] },
    FEATURE_GITHUB_LOGIN: true,
    GITHUB_LOGIN_CONFIG: {
      ...github,
      CLIENT_ID: s.oauth.github.clientId,
      CLIENT_SECRET: s.oauth.github.clientSecret,
      ORG_RESTRICT: true,
      ALLOWED_ORGANIZATIONS: s.oauth.github.orgs,
    },
    ...(publicProviders ? { FEATURE_GOOGLE_LOGIN: true, GOOGLE_LOGIN_CONFIG: { CLIENT_ID: s.oauth.google.clientId, CLIENT_SECRET: s.oauth.google.clientSecret } } : {}),

    // Everyday settings an installation sets (offline rules only).
    FEATURE_USER_CREATION: true,
    FEATURE_ANONYMOUS_ACCESS: true,
    FEATURE_APP_SPECIFIC_TOKENS: true,
    FEATURE_REPO_MIRROR: true,
    REPO_MIRROR_INTERVAL: 30,
    REPO_MIRROR_TLS_VERIFY: true,
    TAG_EXPIRATION_OPTIONS: ['0s', '1d', '1w', '2w', '4w'],
    DEFAULT_TAG_EXPIRATION: '2w',
  };

  const files = new Map<string, Buffer>([
    ['ssl.cert', Buffer.from(server.sslCert)],
    ['ssl.key', Buffer.from(server.sslKey)],
    ['extra_ca_certs/harness-ca.crt', Buffer.from(caPem)],
    ['database.pem', Buffer.from(caPem)],
    ['ldap.crt', Buffer.from(caPem)],
  ]);

  const endpoints: Partial<PublicEndpoints> = publicProviders ? { github: `${s.oauth.httpsUrl}/`, githubApi: `${s.oauth.httpsUrl}/api/v3/`, google: `${s.oauth.httpsUrl}/google/` } : {};

  const secrets = [
    secretKey,
    databaseSecretKey,
    s.postgres.password,
    s.redis.password,
    s.slapd.adminPassword,
    s.swift.secretKey,
    s.swift.swiftKey,
    s.swift.tempUrlKey,
    s.smtp.password,
    s.clair.psk,
    s.elasticsearch.password,
    s.oidc.clientSecret,
    s.oauth.github.clientSecret,
    ...(publicProviders ? [s.oauth.google.clientSecret] : []),
    server.sslKey.split('\n')[1] ?? '',
  ];

  const probedGroups: FieldGroupId[] = [
    'Database',
    'DistributedStorage',
    'ElasticSearch',
    'Email',
    'GitHubLogin',
    ...(publicProviders ? (['GoogleLogin'] as const) : []),
    'LDAP',
    'OIDC',
    'Redis',
    'SecurityScanner',
  ];
  const offlineGroups: FieldGroupId[] = [
    'AccessSettings',
    'ActionLogArchiving',
    'AppTokenAuthentication',
    'CACertificates',
    'HostSettings',
    'QuayDocumentation',
    'RepoMirror',
    'Schema',
    'SecretKeys',
    'TeamSyncing',
    'TimeMachine',
    'UserVisibleSettings',
  ];
  return { config, files, endpoints, secrets, probedGroups, offlineGroups };
}

/** Writes the bundle as a directory (`config.yaml` + files), as Quay's /conf/stack holds it. */
export function writeBundleDirectory(bundle: Pick<CompleteBundle, 'config' | 'files'>, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'config.yaml'), renderFresh(bundle.config));
  for (const [name, data] of bundle.files) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data, { mode: name.endsWith('.key') ? 0o600 : 0o644 });
  }
  return dir;
}

/** The bundle as the v2 API's JSON body: `{"config.yaml": {...}, "certs": {name: base64}}`. */
export function toJsonBundle(bundle: Pick<CompleteBundle, 'config' | 'files'>): { 'config.yaml': ConfigMap; certs: Record<string, string> } {
  return {
    'config.yaml': bundle.config,
    certs: Object.fromEntries([...bundle.files].map(([name, data]) => [name, data.toString('base64')])),
  };
}

/** The services a complete config talks to, each one endpoint that `redirectServices` can move. */
export const SERVICE_NAMES = ['postgres', 'redis', 'ldap', 's3', 'swift', 'smtp', 'clair', 'elasticsearch', 'oidc', 'github', 'google'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * The same bundle with every service moved to `127.0.0.1:<port(name)>` (e.g. servers that accept
 * and never answer), keeping each one's scheme and TLS settings, so every probe gets as far as it
 * can before it waits. Redis instances all move to `port('redis')`.
 */
export function redirectServices(bundle: CompleteBundle, port: (name: ServiceName) => number): CompleteBundle {
  const config = structuredClone(bundle.config);
  const at = (name: ServiceName) => `127.0.0.1:${port(name)}`;
  const mapping = (v: unknown, what: string): Record<string, unknown> => {
    if (!isObject(v)) throw new Error(`${what} is not a mapping in the complete config`);
    return v;
  };
  const block = (key: string) => mapping(config[key], key);
  const location = (name: string) => {
    const loc = block('DISTRIBUTED_STORAGE_CONFIG')[name];
    return mapping(Array.isArray(loc) ? loc[1] : undefined, `storage location ${name}`);
  };
  config.DB_URI = String(config.DB_URI).replace(/@[^/]+\//, `@${at('postgres')}/`);
  for (const key of ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS', 'PULL_METRICS_REDIS']) Object.assign(block(key), { host: '127.0.0.1', port: port('redis') });
  config.LDAP_URI = `ldaps://${at('ldap')}`;
  Object.assign(location('default'), { host: '127.0.0.1', port: port('s3') });
  location('swift').auth_url = `http://${at('swift')}/auth/v1.0`;
  Object.assign(config, { MAIL_SERVER: '127.0.0.1', MAIL_PORT: port('smtp') });
  config.SECURITY_SCANNER_V4_ENDPOINT = `https://${at('clair')}`;
  Object.assign(mapping(block('LOGS_MODEL_CONFIG').elasticsearch_config, 'elasticsearch_config'), { host: '127.0.0.1', port: port('elasticsearch') });
  block(OIDC_KEY).OIDC_SERVER = `https://${at('oidc')}/realms/quay/`;
  const github = `https://${at('github')}/`;
  const endpoints: Partial<PublicEndpoints> = { ...bundle.endpoints };
  if (bundle.endpoints.githubApi !== undefined) {
    Object.assign(endpoints, { github, githubApi: `${github}api/v3/` });
  } else {
    block('GITHUB_LOGIN_CONFIG').GITHUB_ENDPOINT = github;
  }
  if (bundle.endpoints.google !== undefined) endpoints.google = `https://${at('google')}/`;
  return { ...bundle, config, endpoints };
}
