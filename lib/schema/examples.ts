import { stringify } from 'yaml';
import { keySchema } from './schema';

/**
 * Example values for "X is required" findings: every such finding tells the user what to write.
 * Curated where Quay's own `x-example` is missing or unhelpful (a secret key example of "", a Redis
 * block of null); otherwise the schema's example; otherwise a sentence naming where the key goes.
 */
const EXAMPLES: Record<string, string> = {
  DB_URI: 'DB_URI: postgresql://quayuser:<password>@db.example.com:5432/quay',
  SERVER_HOSTNAME: 'SERVER_HOSTNAME: quay.example.com',
  PREFERRED_URL_SCHEME: 'PREFERRED_URL_SCHEME: https',
  BUILDLOGS_REDIS: 'BUILDLOGS_REDIS: {host: redis.example.com, port: 6379, password: <password>}',
  USER_EVENTS_REDIS: 'USER_EVENTS_REDIS: {host: redis.example.com, port: 6379, password: <password>}',
  PULL_METRICS_REDIS: 'PULL_METRICS_REDIS: {host: redis.example.com, port: 6379}',
  SECRET_KEY: 'SECRET_KEY: <output of `quay-config generate secret-key`>',
  DATABASE_SECRET_KEY: 'DATABASE_SECRET_KEY: <output of `quay-config generate secret-key`>',
  DISTRIBUTED_STORAGE_CONFIG: 'DISTRIBUTED_STORAGE_CONFIG: {default: [LocalStorage, {storage_path: /datastorage/registry}]}',
  DISTRIBUTED_STORAGE_PREFERENCE: 'DISTRIBUTED_STORAGE_PREFERENCE: [default]',
  DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [default]',
  LDAP_URI: 'LDAP_URI: ldaps://ldap.example.com:636',
  LDAP_BASE_DN: 'LDAP_BASE_DN: [dc=example, dc=com]',
  LDAP_ADMIN_DN: 'LDAP_ADMIN_DN: uid=quay-bind,ou=services,dc=example,dc=com',
  LDAP_ADMIN_PASSWD: 'LDAP_ADMIN_PASSWD: <bind password>',
  LDAP_UID_ATTR: 'LDAP_UID_ATTR: uid',
  LDAP_EMAIL_ATTR: 'LDAP_EMAIL_ATTR: mail',
  LDAP_USER_RDN: 'LDAP_USER_RDN: [ou=people]',
  MAIL_SERVER: 'MAIL_SERVER: smtp.example.com',
  MAIL_USERNAME: 'MAIL_USERNAME: quay@example.com',
  MAIL_PASSWORD: 'MAIL_PASSWORD: <SMTP password>',
  MAIL_DEFAULT_SENDER: 'MAIL_DEFAULT_SENDER: quay@example.com',
  SECURITY_SCANNER_V4_ENDPOINT: 'SECURITY_SCANNER_V4_ENDPOINT: http://clair.example.com:8080',
  SECURITY_SCANNER_V4_PSK: 'SECURITY_SCANNER_V4_PSK: <output of `quay-config generate psk`>',
  JWT_AUTH_ISSUER: 'JWT_AUTH_ISSUER: https://auth.example.com',
  JWT_VERIFY_ENDPOINT: 'JWT_VERIFY_ENDPOINT: https://auth.example.com/verify',
  JWT_QUERY_ENDPOINT: 'JWT_QUERY_ENDPOINT: https://auth.example.com/query',
  JWT_GETUSER_ENDPOINT: 'JWT_GETUSER_ENDPOINT: https://auth.example.com/getuser',
  KEYSTONE_AUTH_URL: 'KEYSTONE_AUTH_URL: https://keystone.example.com:5000/v3',
  KEYSTONE_ADMIN_USERNAME: 'KEYSTONE_ADMIN_USERNAME: admin',
  KEYSTONE_ADMIN_PASSWORD: 'KEYSTONE_ADMIN_PASSWORD: <password>',
  KEYSTONE_ADMIN_TENANT: 'KEYSTONE_ADMIN_TENANT: admin',
  ACTION_LOG_ARCHIVE_LOCATION: 'ACTION_LOG_ARCHIVE_LOCATION: default  (a location of DISTRIBUTED_STORAGE_CONFIG)',
  ACTION_LOG_ARCHIVE_PATH: 'ACTION_LOG_ARCHIVE_PATH: archives/actionlogs',
  LOGS_MODEL_CONFIG: 'LOGS_MODEL_CONFIG: {producer: elasticsearch, elasticsearch_config: {host: es.example.com, port: 9200}}',
  GITHUB_LOGIN_CONFIG: 'GITHUB_LOGIN_CONFIG: {CLIENT_ID: <id>, CLIENT_SECRET: <secret>}',
  GOOGLE_LOGIN_CONFIG: 'GOOGLE_LOGIN_CONFIG: {CLIENT_ID: <id>, CLIENT_SECRET: <secret>}',
  GITHUB_TRIGGER_CONFIG: 'GITHUB_TRIGGER_CONFIG: {CLIENT_ID: <id>, CLIENT_SECRET: <secret>}',
  GITLAB_TRIGGER_CONFIG: 'GITLAB_TRIGGER_CONFIG: {CLIENT_ID: <id>, CLIENT_SECRET: <secret>, GITLAB_ENDPOINT: https://gitlab.com}',
  BITBUCKET_TRIGGER_CONFIG: 'BITBUCKET_TRIGGER_CONFIG: {CONSUMER_KEY: <key>, CONSUMER_SECRET: <secret>}',
  'ssl.cert': 'add ssl.cert (the PEM certificate chain for SERVER_HOSTNAME) next to config.yaml; `quay-config generate cert --hostname <host>` makes one',
  'ssl.key': 'add ssl.key (the PEM private key of ssl.cert) next to config.yaml',
};

/** Examples by the last segment of a nested key path (`BUILDLOGS_REDIS.host`, `….s3_bucket`). */
const NESTED: Record<string, string> = {
  host: 'e.g. host: redis.example.com',
  port: 'e.g. port: 6379',
  CLIENT_ID: 'e.g. CLIENT_ID: <the OAuth application id>',
  CLIENT_SECRET: 'e.g. CLIENT_SECRET: <the OAuth application secret>',
  s3_bucket: 'e.g. s3_bucket: quay-storage',
  storage_path: 'e.g. storage_path: /datastorage/registry',
  s3_access_key: 'e.g. s3_access_key: <access key id>',
  s3_secret_key: 'e.g. s3_secret_key: <secret access key>',
  hostname: 'e.g. hostname: s3.example.com',
  bucket_name: 'e.g. bucket_name: quay-storage',
  access_key: 'e.g. access_key: <access key id>',
  secret_key: 'e.g. secret_key: <secret key>',
  azure_container: 'e.g. azure_container: quay',
  azure_account_name: 'e.g. azure_account_name: <storage account>',
  swift_container: 'e.g. swift_container: quay',
  auth_url: 'e.g. auth_url: https://keystone.example.com:5000/v3',
  producer: 'e.g. producer: elasticsearch',
};

/** The hint of a `required` finding about `field` (a key path or a bundle file name). */
export function requiredHint(field: string): string {
  const curated = EXAMPLES[field];
  if (curated) return curated.includes(':') && !curated.startsWith('add ') ? `e.g. ${curated}` : curated;
  const top = /^[^.[]+/.exec(field)?.[0] ?? field;
  if (top === field) {
    return schemaExample(field) ?? `add ${field} to config.yaml`;
  }
  const last = /([A-Za-z0-9_]+)\]?$/.exec(field)?.[1] ?? '';
  const nested = NESTED[last];
  const parent = field.slice(0, field.length - last.length).replace(/\.$/, '');
  return nested ? `${nested} (under ${parent})` : `add ${last || field} under ${parent || top} in config.yaml`;
}

/** What the stage a check stopped at usually asks of the administrator. */
const STAGE_HINTS: Record<string, string> = {
  dns: 'check that the host name is spelt right and resolves from here and from the Quay pods',
  tcp: 'check the host and port, that the service is running, and that no firewall drops the traffic',
  tls: "check the server certificate: its CA goes into extra_ca_certs/ (or the service's own CA file), and its names must match the host",
  auth: 'check the user name and password (or key) the config gives for this service',
};

/**
 * The hint of an error that came without one, so that every error says what to do: the stage's
 * usual remedy for a probe, an example value for a config rule, else where the key is documented.
 */
export function fallbackHint(finding: { code: string; stage: string; fields: readonly string[] }): string {
  const stageHint = STAGE_HINTS[finding.stage];
  if (stageHint) return stageHint;
  const field = finding.fields[0] ?? '';
  if (finding.code === 'required') return requiredHint(field);
  if (finding.code === 'schema-enum') return 'use one of the values the message lists';
  const curated = EXAMPLES[field];
  if (curated && !curated.startsWith('add ')) return `e.g. ${curated}`;
  const example = schemaExample(field);
  if (example) return example;
  return field ? `correct ${field} as the message says, then validate again` : 'correct the config as the message says, then validate again';
}

/** `e.g. KEY: value` from the schema's `x-example` of a top-level key, when it has a useful one. */
function schemaExample(field: string): string | undefined {
  const example = keySchema(field)?.['x-example'];
  if (example === undefined || example === null || example === '') return undefined;
  return `e.g. ${field}: ${stringify(example, { collectionStyle: 'flow' }).trim()}`;
}
