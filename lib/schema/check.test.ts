import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { checkAgainstSchema, type SchemaViolation } from './check';

const pick = (v: SchemaViolation) => ({ path: v.path, keyword: v.keyword, message: v.message });

describe('checkAgainstSchema: one precise violation per problem', () => {
  it.each<[string, ConfigMap, { key: string; path: string; keyword: string; message: string }[]]>([
    [
      'a string where an object is expected',
      { BUILDLOGS_REDIS: 'x' },
      [{ key: 'BUILDLOGS_REDIS', path: 'BUILDLOGS_REDIS', keyword: 'type', message: 'BUILDLOGS_REDIS must be an object, not a string' }],
    ],
    ['a quoted port', { MAIL_PORT: '587' }, [{ key: 'MAIL_PORT', path: 'MAIL_PORT', keyword: 'type', message: 'MAIL_PORT must be an integer, not a string ("587")' }]],
    [
      'a nested wrong type',
      { BUILDLOGS_REDIS: { host: 'redis', port: '6379' } },
      [{ key: 'BUILDLOGS_REDIS', path: 'BUILDLOGS_REDIS.port', keyword: 'type', message: 'BUILDLOGS_REDIS.port must be an integer, not a string ("6379")' }],
    ],
    [
      'an enum typo',
      { PREFERRED_URL_SCHEME: 'htp' },
      [{ key: 'PREFERRED_URL_SCHEME', path: 'PREFERRED_URL_SCHEME', keyword: 'enum', message: 'PREFERRED_URL_SCHEME must be one of: http, https (got "htp")' }],
    ],
    [
      'wrong items in a duration list',
      { TAG_EXPIRATION_OPTIONS: [1, '2x'] },
      [
        { key: 'TAG_EXPIRATION_OPTIONS', path: 'TAG_EXPIRATION_OPTIONS[0]', keyword: 'type', message: 'TAG_EXPIRATION_OPTIONS[0] must be a string, not a number (1)' },
        {
          key: 'TAG_EXPIRATION_OPTIONS',
          path: 'TAG_EXPIRATION_OPTIONS[1]',
          keyword: 'pattern',
          message: 'TAG_EXPIRATION_OPTIONS[1] must be a whole number and one unit letter (s, m, h, d or w), e.g. 2w or 30m (got "2x")',
        },
      ],
    ],
    [
      'a storage location that is not a pair',
      { DISTRIBUTED_STORAGE_CONFIG: { a: ['S3Storage'] } },
      [
        {
          key: 'DISTRIBUTED_STORAGE_CONFIG',
          path: 'DISTRIBUTED_STORAGE_CONFIG.a',
          keyword: 'minItems',
          message: 'DISTRIBUTED_STORAGE_CONFIG.a must be a [EngineName, {parameters}] pair, not a list of 1 item',
        },
      ],
    ],
    [
      'storage parameters that are not an object',
      { DISTRIBUTED_STORAGE_CONFIG: { a: ['S3Storage', 'x'] } },
      [
        {
          key: 'DISTRIBUTED_STORAGE_CONFIG',
          path: 'DISTRIBUTED_STORAGE_CONFIG.a[1]',
          keyword: 'type',
          message: 'DISTRIBUTED_STORAGE_CONFIG.a[1] (engine parameters) must be an object, not a string',
        },
      ],
    ],
    [
      'a storage location that is a string',
      { DISTRIBUTED_STORAGE_CONFIG: { default: 'LocalStorage' } },
      [
        {
          key: 'DISTRIBUTED_STORAGE_CONFIG',
          path: 'DISTRIBUTED_STORAGE_CONFIG.default',
          keyword: 'type',
          message: 'DISTRIBUTED_STORAGE_CONFIG.default must be a [EngineName, {parameters}] pair, not a string',
        },
      ],
    ],
    [
      'an unknown storage engine (Quay would silently use FakeStorage)',
      { DISTRIBUTED_STORAGE_CONFIG: { default: ['S3', {}] } },
      [
        {
          key: 'DISTRIBUTED_STORAGE_CONFIG',
          path: 'DISTRIBUTED_STORAGE_CONFIG.default[0]',
          keyword: 'enum',
          message: expect.stringMatching(/^DISTRIBUTED_STORAGE_CONFIG\.default\[0\] \(storage engine\) must be one of: LocalStorage, S3Storage, .* \(got "S3"\)$/),
        },
      ],
    ],
    [
      'a wrong engine parameter type, checked against that engine',
      { DISTRIBUTED_STORAGE_CONFIG: { default: ['S3Storage', { s3_bucket: 12, storage_path: '/r' }] } },
      [
        {
          key: 'DISTRIBUTED_STORAGE_CONFIG',
          path: 'DISTRIBUTED_STORAGE_CONFIG.default[1].s3_bucket',
          keyword: 'type',
          message: 'DISTRIBUTED_STORAGE_CONFIG.default[1].s3_bucket must be a string, not a number (12)',
        },
      ],
    ],
    [
      'a location id that needs quoting in the path',
      { DISTRIBUTED_STORAGE_CONFIG: { 'eu.west': ['LocalStorage', { storage_path: 3 }] } },
      [
        {
          key: 'DISTRIBUTED_STORAGE_CONFIG',
          path: 'DISTRIBUTED_STORAGE_CONFIG["eu.west"][1].storage_path',
          keyword: 'type',
          message: 'DISTRIBUTED_STORAGE_CONFIG["eu.west"][1].storage_path must be a string, not a number (3)',
        },
      ],
    ],
    [
      'a number where an object is expected',
      { DB_CONNECTION_ARGS: 1 },
      [{ key: 'DB_CONNECTION_ARGS', path: 'DB_CONNECTION_ARGS', keyword: 'type', message: 'DB_CONNECTION_ARGS must be an object, not a number' }],
    ],
    ['a string where a list is expected', { SUPER_USERS: 'admin' }, [{ key: 'SUPER_USERS', path: 'SUPER_USERS', keyword: 'type', message: 'SUPER_USERS must be an array, not a string' }]],
    [
      'a quoted boolean feature flag (Python reads "false" as true)',
      { FEATURE_MAILING: 'false' },
      [{ key: 'FEATURE_MAILING', path: 'FEATURE_MAILING', keyword: 'type', message: 'FEATURE_MAILING must be a boolean, not a string ("false")' }],
    ],
    [
      'a PostgreSQL sslmode typo',
      { DB_CONNECTION_ARGS: { sslmode: 'verify_full' } },
      [
        {
          key: 'DB_CONNECTION_ARGS',
          path: 'DB_CONNECTION_ARGS.sslmode',
          keyword: 'enum',
          message: 'DB_CONNECTION_ARGS.sslmode must be one of: disable, allow, prefer, require, verify-ca, verify-full (got "verify_full")',
        },
      ],
    ],
    [
      'duplicate superusers',
      { SUPER_USERS: ['admin', 'ops', 'admin'] },
      [{ key: 'SUPER_USERS', path: 'SUPER_USERS', keyword: 'uniqueItems', message: 'SUPER_USERS must not contain duplicates (items 0 and 2 are both "admin")' }],
    ],
    [
      'a contact link of no known kind (anyOf collapsed into one message)',
      { CONTACT_INFO: ['mailto:ops@example.com', 'ops@example.com'] },
      [
        {
          key: 'CONTACT_INFO',
          path: 'CONTACT_INFO[1]',
          keyword: 'anyOf',
          message: 'CONTACT_INFO[1] must be a mailto:, irc://, tel: or http(s):// link (got "ops@example.com")',
        },
      ],
    ],
    [
      'a value matching none of the oneOf forms',
      { TRACKED_NAMESPACES: 5 },
      [
        {
          key: 'TRACKED_NAMESPACES',
          path: 'TRACKED_NAMESPACES',
          keyword: 'oneOf',
          message: 'TRACKED_NAMESPACES must be a list of namespace names or a map of bucket names to namespace lists, not a number',
        },
      ],
    ],
    [
      'the bootstrap rule kept from upstream',
      { FEATURE_PROGRAMMATIC_BOOTSTRAP: true },
      [
        {
          key: 'BOOTSTRAP_TOKEN_OWNER',
          path: 'BOOTSTRAP_TOKEN_OWNER',
          keyword: 'required',
          message: 'BOOTSTRAP_TOKEN_OWNER is required when FEATURE_PROGRAMMATIC_BOOTSTRAP is true',
        },
      ],
    ],
    [
      'an OIDC provider field of the wrong type',
      { KEYCLOAK_LOGIN_CONFIG: { OIDC_SERVER: 'https://sso.example.com/', LOGIN_SCOPES: 'openid' } },
      [
        {
          key: 'KEYCLOAK_LOGIN_CONFIG',
          path: 'KEYCLOAK_LOGIN_CONFIG.LOGIN_SCOPES',
          keyword: 'type',
          message: 'KEYCLOAK_LOGIN_CONFIG.LOGIN_SCOPES must be an array, not a string',
        },
      ],
    ],
    [
      'a Keystone version Quay cannot use',
      { KEYSTONE_AUTH_VERSION: 4 },
      [{ key: 'KEYSTONE_AUTH_VERSION', path: 'KEYSTONE_AUTH_VERSION', keyword: 'enum', message: 'KEYSTONE_AUTH_VERSION must be 2 or 3 (got 4)' }],
    ],
    [
      'an Elasticsearch port out of range',
      { LOGS_MODEL_CONFIG: { elasticsearch_config: { port: 70000 } } },
      [
        {
          key: 'LOGS_MODEL_CONFIG',
          path: 'LOGS_MODEL_CONFIG.elasticsearch_config.port',
          keyword: 'maximum',
          message: 'LOGS_MODEL_CONFIG.elasticsearch_config.port must be <= 65535 (got 70000)',
        },
      ],
    ],
    [
      'a build manager that is not a pair',
      { BUILD_MANAGER: ['ephemeral'] },
      [{ key: 'BUILD_MANAGER', path: 'BUILD_MANAGER', keyword: 'minItems', message: 'BUILD_MANAGER must be a [ManagerName, {options}] pair, not a list of 1 item' }],
    ],
  ])('%s', (_name, config, expected) => {
    expect(checkAgainstSchema(config)).toEqual(expected);
  });

  it('reports several problems of one config, each on its own key', () => {
    const violations = checkAgainstSchema({ BUILDLOGS_REDIS: 'x', SUPER_USERS: 'admin', MAIL_PORT: '25' });
    expect(violations.map((v) => v.key).sort()).toEqual(['BUILDLOGS_REDIS', 'MAIL_PORT', 'SUPER_USERS']);
  });

  it('does not report unknown keys (the Schema group warns about them)', () => {
    expect(checkAgainstSchema({ SERVER_HOSTNAM: 'quay.example.com', server_hostname: 'x', X_CUSTOM: { a: 1 } })).toEqual([]);
  });

  it('collapses anyOf noise item by item in a long list, in linear time', () => {
    const violations = checkAgainstSchema({ CONTACT_INFO: Array.from({ length: 10_000 }, (_, i) => `nope-${i}`) });
    expect(violations).toHaveLength(21);
    expect(violations[0]).toMatchObject({ path: 'CONTACT_INFO[0]', keyword: 'anyOf' });
  });

  it('caps a huge list of wrong items and says how many more there are', () => {
    const violations = checkAgainstSchema({ SUPER_USERS: Array.from({ length: 5000 }, (_, i) => i) });
    expect(violations).toHaveLength(21);
    expect(violations.at(-1)).toMatchObject({ key: 'SUPER_USERS', keyword: 'too-many', message: 'SUPER_USERS has 4980 more problems like the ones above' });
  });
});

describe('checkAgainstSchema never echoes secrets', () => {
  it.each<[string, ConfigMap, string]>([
    ['a numeric password', { MAIL_PASSWORD: 123456789 }, '123456789'],
    ['a Redis password of the wrong type', { BUILDLOGS_REDIS: { password: 987654321 } }, '987654321'],
    ['an LDAP password in a list', { LDAP_ADMIN_PASSWD: ['hunter2-secret'] }, 'hunter2-secret'],
    ['a storage secret key', { DISTRIBUTED_STORAGE_CONFIG: { d: ['S3Storage', { s3_secret_key: 42424242 }] } }, '42424242'],
    ['an Azure connection string of the wrong type', { DISTRIBUTED_STORAGE_CONFIG: { az: ['AzureStorage', { connection_string: 55555555 }] } }, '55555555'],
    ['a PSK in an enum-like position', { SECURITY_SCANNER_V4_PSK: 31337 }, '31337'],
    ['a URI with credentials in a pattern message', { SECURITY_SCANNER_V4_ENDPOINT: 'ftp://user:topsecretpw@clair' }, 'topsecretpw'],
  ])('%s', (_name, config, secret) => {
    const violations = checkAgainstSchema(config);
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v.message).not.toContain(secret);
  });
});

describe('checkAgainstSchema accepts real-world configs', () => {
  it.each<[string, ConfigMap]>([
    // The minimal configuration of Red Hat's "Deploy Red Hat Quay for proof-of-concept" guide.
    [
      'the proof-of-concept minimal config',
      {
        AUTHENTICATION_TYPE: 'Database',
        BUILDLOGS_REDIS: { host: 'quay-server.example.com', password: 'strongpassword', port: 6379, ssl: false },
        DATABASE_SECRET_KEY: '0ce4f796-c295-415b-bf9d-b315114704b8',
        DB_URI: 'postgresql://quayuser:quaypass@quay-server.example.com:5432/quay',
        DEFAULT_TAG_EXPIRATION: '2w',
        DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/datastorage/registry' }] },
        DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [],
        DISTRIBUTED_STORAGE_PREFERENCE: ['default'],
        PREFERRED_URL_SCHEME: 'http',
        SECRET_KEY: 'e8f9fe68-1f84-48a8-a05f-02d72e6eccba',
        SERVER_HOSTNAME: 'quay-server.example.com',
        SETUP_COMPLETE: true,
        TAG_EXPIRATION_OPTIONS: ['0s', '1d', '1w', '2w', '4w'],
        USER_EVENTS_REDIS: { host: 'quay-server.example.com', port: 6379, ssl: false },
      },
    ],
    // Seed 001 (Manage Red Hat Quay 3.3, LDAP chapter): the config.yaml excerpts put together.
    [
      'the LDAP chapter of the 3.3 manual',
      {
        AUTHENTICATION_TYPE: 'LDAP',
        LDAP_URI: 'ldaps://ldap.example.org',
        FEATURE_TEAM_SYNCING: true,
        TEAM_RESYNC_STALE_TIME: '60m',
        FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP: true,
        LDAP_BASE_DN: ['dc=example', 'dc=com'],
        LDAP_USER_RDN: ['ou=users'],
        LDAP_SECONDARY_USER_RDNS: ['ou=bots', 'ou=external'],
        LDAP_USER_FILTER: '(memberof=cn=developers,ou=groups,dc=example,dc=com)',
        LDAP_ADMIN_DN: 'cn=admin,dc=example,dc=com',
        LDAP_ADMIN_PASSWD: 'changeme',
        LDAP_UID_ATTR: 'uid',
        LDAP_EMAIL_ATTR: 'mail',
        SUPER_USERS: ['testadmin'],
        PREFERRED_URL_SCHEME: 'https',
        FEATURE_SECURITY_SCANNER: true,
      },
    ],
    // Seed 002 (Advanced deployment, Clair v4 section).
    [
      'the Clair v4 section of the advanced deployment guide',
      {
        SERVER_HOSTNAME: 'quay-server.example.com',
        SETUP_COMPLETE: true,
        SUPER_USERS: ['quayadmin'],
        FEATURE_SECURITY_NOTIFICATIONS: false,
        FEATURE_SECURITY_SCANNER: true,
        SECURITY_SCANNER_INDEXING_INTERVAL: 30,
        SECURITY_SCANNER_V4_ENDPOINT: 'http://quay-server.example.com:8081',
        SECURITY_SCANNER_V4_PSK: 'MTU5YzA4Y2ZkNzJoMQ==',
      },
    ],
    // Shaped like quay/quay config-tool/testdata/config-bundle/config.yaml: what the old tools wrote.
    [
      'a bundle written by the old config tools (empty login blocks, nulls, decimal secret keys)',
      {
        AUTHENTICATION_TYPE: 'Database',
        BUILDLOGS_REDIS: { host: '192.0.2.10', password: 'strongpassword', port: 6379 },
        // eslint-disable-next-line no-loss-of-precision -- the 77-digit key as written; a YAML loader rounds it to a float just the same
        SECRET_KEY: 40157269433064266822674401740626984898972632465622168464725100311621640999470,
        DATABASE_SECRET_KEY: '81541057085600720484162638317561463611194901378275494293746615390984668417511',
        DB_URI: 'postgresql://user:pass@192.0.2.10/quay',
        DB_CONNECTION_ARGS: { ssl: { ca: 'conf/stack/database.pem' } },
        DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [],
        DISTRIBUTED_STORAGE_PREFERENCE: ['amazon'],
        ENTERPRISE_LOGO_URL: '/static/img/quay-horizontal-color.svg',
        FEATURE_ACI_CONVERSION: false,
        FEATURE_APP_REGISTRY: false,
        GITHUB_LOGIN_CONFIG: {},
        GITHUB_TRIGGER_CONFIG: {},
        GITLAB_TRIGGER_KIND: {},
        LOGS_MODEL: 'database',
        LOGS_MODEL_CONFIG: {},
        MAIL_PORT: 587,
        MAIL_USE_AUTH: true,
        REPO_MIRROR_SERVER_HOSTNAME: null,
        SECURITY_SCANNER_ISSUER_NAME: 'security_scanner',
        SERVER_HOSTNAME: 'quay',
        TEAM_RESYNC_STALE_TIME: '60m',
        USER_EVENTS_REDIS: { host: '192.0.2.10', password: 'strongpassword', port: 6379 },
        USE_CDN: false,
        BRANDING: { footer_img: '/static/img/RedHat.svg' },
      },
    ],
    [
      'every storage engine with its documented parameters (IBM COS quotes port and is_secure)',
      {
        DISTRIBUTED_STORAGE_CONFIG: {
          s3: ['S3Storage', { host: 's3.us-east-2.amazonaws.com', s3_access_key: 'A', s3_secret_key: 'B', s3_bucket: 'q', s3_region: 'us-east-2', storage_path: '/d' }],
          sts: ['STSS3Storage', { sts_role_arn: 'arn:aws:iam::1:role/q', s3_bucket: 'q', storage_path: '/d', sts_user_access_key: 'A', sts_user_secret_key: 'B', s3_region: 'us-east-1' }],
          rgw: [
            'RadosGWStorage',
            { hostname: 'rgw', is_secure: true, port: 443, access_key: 'A', secret_key: 'B', bucket_name: 'q', storage_path: '/d', maximum_chunk_size_mb: 100, server_side_assembly: true },
          ],
          noobaa: ['RHOCSStorage', { hostname: 's3.openshift-storage.svc.cluster.local', is_secure: true, port: '443', access_key: 'A', secret_key: 'B', bucket_name: 'q', storage_path: '/d' }],
          ibm: ['IBMCloudStorage', { access_key: 'A', secret_key: 'B', bucket_name: 'q', hostname: 'h', is_secure: 'true', port: '443', storage_path: '/d', maximum_chunk_size_mb: '100mb' }],
          cf: [
            'CloudFrontedS3Storage',
            {
              cloudfront_distribution_domain: 'd.cloudfront.net',
              cloudfront_key_id: 'K',
              cloudfront_privatekey_filename: 'k.pem',
              host: 's3',
              s3_access_key: 'A',
              s3_bucket: 'q',
              s3_secret_key: 'B',
              storage_path: '/d',
              s3_region: 'us-east-1',
            },
          ],
          azure: ['AzureStorage', { azure_container: 'quay', azure_account_name: 'acct', azure_account_key: 'K', sas_token: 'S', storage_path: '/d' }],
          gcs: ['GoogleCloudStorage', { access_key: 'A', secret_key: 'B', bucket_name: 'q', storage_path: '/d', boto_timeout: 120 }],
          swift: [
            'SwiftStorage',
            {
              swift_user: 'u',
              swift_password: 'p',
              swift_container: 'c',
              auth_url: 'https://ks:5000/v3',
              auth_version: 3,
              os_options: { tenant_id: 't', user_domain_name: 'Default' },
              ca_cert_path: '/conf/stack/swift.crt',
              storage_path: '/d',
            },
          ],
          local: ['LocalStorage', { storage_path: '/datastorage/registry' }],
          cdn: [
            'MultiCDNStorage',
            {
              storage_config: { s3_access_key: 'A', s3_secret_key: 'B', s3_region: 'us-east-1', s3_bucket: 'q', storage_path: '/images' },
              providers: {
                CloudFlare: ['CloudFlareStorage', { cloudflare_domain: 'cdn01.example.org', cloudflare_privatekey_filename: 'cf.pem' }],
                AWSCloudFront: ['CloudFrontedS3Storage', { cloudfront_distribution_domain: 'd.cloudfront.net', cloudfront_key_id: 'K', cloudfront_privatekey_filename: 'cf2.pem' }],
              },
              default_provider: 'AWSCloudFront',
              rules: [{ continent: 'NA', target: 'CloudFlare' }],
            },
          ],
        },
        DISTRIBUTED_STORAGE_PREFERENCE: ['s3'],
      },
    ],
    [
      'Elasticsearch action logs, an OIDC provider, a build manager and TLS Redis',
      {
        LOGS_MODEL: 'elasticsearch',
        LOGS_MODEL_CONFIG: {
          producer: 'elasticsearch',
          elasticsearch_config: { host: 'es.example.com', port: 9200, access_key: 'u', secret_key: 'p', use_ssl: true, index_prefix: 'logentry_', aws_region: 'us-east-1' },
        },
        KEYCLOAK_LOGIN_CONFIG: { CLIENT_ID: 'quay', CLIENT_SECRET: 's', OIDC_SERVER: 'https://sso.example.com/realms/quay/', SERVICE_NAME: 'SSO', LOGIN_SCOPES: ['openid'] },
        BUILD_MANAGER: [
          'ephemeral',
          {
            ALLOWED_WORKER_COUNT: 1,
            ORCHESTRATOR_PREFIX: 'buildman/production/',
            ORCHESTRATOR: { REDIS_HOST: 'redis', REDIS_SSL: false },
            EXECUTORS: [{ EXECUTOR: 'kubernetesPodman', BUILDER_NAMESPACE: 'builder' }],
          },
        ],
        USER_EVENTS_REDIS: { host: 'redis', port: 6380, ssl: true, password: null },
        DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: '/conf/stack/database.pem', autorollback: true, threadlocals: true },
        KEYSTONE_AUTH_VERSION: '3',
        LDAP_FOLLOW_REFERRALS: false,
        FEATURE_PROGRAMMATIC_BOOTSTRAP: true,
        BOOTSTRAP_TOKEN_OWNER: 'admin',
      },
    ],
  ])('%s', (_name, config) => {
    expect(checkAgainstSchema(config).map(pick)).toEqual([]);
  });
});

describe('checkAgainstSchema never crashes', () => {
  const deep = (n: number): unknown => (n === 0 ? 'leaf' : { a: deep(n - 1) });
  it.each<[string, unknown]>([
    ['an array instead of a map', [1, 2, 3]],
    ['null', null],
    ['a string', 'SERVER_HOSTNAME: x'],
    ['deep nesting under a known key', { DB_CONNECTION_ARGS: deep(5000) }],
    ['deep nesting under an unknown key', { X: deep(5000) }],
    ['a huge string', { SERVER_HOSTNAME: 'a'.repeat(5_000_000), DEFAULT_TAG_EXPIRATION: '9'.repeat(1_000_000) + 'x' }],
    [
      'numbers everywhere objects are expected',
      Object.fromEntries(['BUILDLOGS_REDIS', 'DISTRIBUTED_STORAGE_CONFIG', 'LOGS_MODEL_CONFIG', 'BUILD_MANAGER', 'HEALTH_CHECKER', 'FOOTER_LINKS', 'KEYCLOAK_LOGIN_CONFIG'].map((k) => [k, 7])),
    ],
    ['NaN and Infinity', { MAIL_PORT: Number.NaN, SEARCH_RESULTS_PER_PAGE: Number.POSITIVE_INFINITY }],
    ['binary data', { SERVER_HOSTNAME: new Uint8Array([1, 2, 3]) }],
  ])('%s', (_name, input) => {
    const violations = checkAgainstSchema(input as ConfigMap);
    expect(Array.isArray(violations)).toBe(true);
    for (const v of violations) {
      expect(typeof v.message).toBe('string');
      expect(v.message.length).toBeLessThan(1000);
    }
  });

  it('survives cyclic values (YAML aliases can build them)', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const violations = checkAgainstSchema({ SUPER_USERS: [loop, loop], DB_CONNECTION_ARGS: loop, BUILD_MANAGER: [loop, loop] });
    expect(violations.map((v) => v.path)).toEqual(['SUPER_USERS[0]', 'SUPER_USERS[1]', 'BUILD_MANAGER[0]']);
  });

  it('says what is wrong when the config itself is not a mapping', () => {
    expect(checkAgainstSchema([] as unknown as ConfigMap)).toEqual([{ key: '', path: '', keyword: 'type', message: 'the config must be a mapping of keys to values, not an array' }]);
  });

  it('cuts long values in messages', () => {
    const [v] = checkAgainstSchema({ PREFERRED_URL_SCHEME: 'h'.repeat(500) });
    expect(v?.message).toBe(`PREFERRED_URL_SCHEME must be one of: http, https (got "${'h'.repeat(80)}…")`);
  });
});
