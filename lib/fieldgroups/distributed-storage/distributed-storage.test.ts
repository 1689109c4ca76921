import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BundleFiles } from '../../bundle/types';
import { distributedStorage } from './index';

const ctx = (config: Record<string, unknown>, files: BundleFiles = new Map()) => ({ config, files, now: new Date('2026-01-01T00:00:00Z') });
const findings = (config: Record<string, unknown>, files?: BundleFiles) => distributedStorage.rules(ctx(config, files)).map((f) => ({ code: f.code, severity: f.severity, field: f.fields[0] }));
/** A config with these locations, all preferred. */
const withLocations = (locations: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  DISTRIBUTED_STORAGE_CONFIG: locations,
  DISTRIBUTED_STORAGE_PREFERENCE: Object.keys(locations),
  ...extra,
});
const D = 'DISTRIBUTED_STORAGE_CONFIG.default';
const e = (code: string, field: string) => ({ code, severity: 'error', field });
const w = (code: string, field: string) => ({ code, severity: 'warning', field });

const local = ['LocalStorage', { storage_path: '/datastorage/registry' }];
const s3 = (p: Record<string, unknown> = {}) => ['S3Storage', { s3_bucket: 'quay', storage_path: '/registry', s3_access_key: 'AK', s3_secret_key: 'SK', ...p }];
const rados = (p: Record<string, unknown> = {}) => [
  'RadosGWStorage',
  { hostname: 'rgw.example.com', is_secure: true, access_key: 'a', secret_key: 's', bucket_name: 'quay', storage_path: '/registry', ...p },
];
const swift = (p: Record<string, unknown> = {}) => ['SwiftStorage', { auth_url: 'https://keystone:5000/v3', swift_user: 'u', swift_password: 'p', swift_container: 'quay', storage_path: '/r', ...p }];
const azure = (p: Record<string, unknown> = {}) => ['AzureStorage', { azure_container: 'quay', storage_path: '/r', azure_account_name: 'quayacct', azure_account_key: 'a2V5', ...p }];
const cloudfront = (p: Record<string, unknown> = {}) => [
  'CloudFrontedS3Storage',
  {
    s3_bucket: 'quay',
    storage_path: '/r',
    s3_region: 'us-east-1',
    cloudfront_distribution_domain: 'd.cloudfront.net',
    cloudfront_key_id: 'APKA',
    cloudfront_privatekey_filename: 'default-cloudfront-signing-key.pem',
    ...p,
  },
];
const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const keyFile: BundleFiles = new Map([['default-cloudfront-signing-key.pem', new TextEncoder().encode(pem)]]);

describe('DistributedStorage: the map and its locations', () => {
  it.each([
    ['missing entirely', {}, [e('required', 'DISTRIBUTED_STORAGE_CONFIG'), e('required', 'DISTRIBUTED_STORAGE_PREFERENCE')]],
    ['empty', { DISTRIBUTED_STORAGE_CONFIG: {}, DISTRIBUTED_STORAGE_PREFERENCE: [] }, [e('no-locations', 'DISTRIBUTED_STORAGE_CONFIG'), w('empty-preference', 'DISTRIBUTED_STORAGE_PREFERENCE')]],
    ['not a mapping (the Schema check reports the type)', { DISTRIBUTED_STORAGE_CONFIG: 'x', DISTRIBUTED_STORAGE_PREFERENCE: ['default'] }, []],
    ['a location that is not a list', withLocations({ default: 'LocalStorage' }), [e('invalid-location', D)]],
    ['a one-element tuple (config-tool panicked)', withLocations({ default: ['RadosGWStorage'] }), [e('invalid-location', D)]],
    ['a three-element list', withLocations({ default: ['LocalStorage', {}, {}] }), [e('invalid-location', D)]],
    ['an engine name that is not a string', withLocations({ default: [42, {}] }), [e('invalid-engine', `${D}[0]`)]],
    ['a misspelt engine', withLocations({ default: ['S3Stroage', {}] }), [e('unknown-engine', `${D}[0]`)]],
    ['parameters null', withLocations({ default: ['LocalStorage', null] }), [e('invalid-parameters', `${D}[1]`)]],
    ['parameters a list', withLocations({ default: ['LocalStorage', ['x']] }), [e('invalid-parameters', `${D}[1]`)]],
    ['a valid LocalStorage location', withLocations({ default: local }), []],
  ])('%s', (_name, config, expected) => {
    expect(findings(config)).toEqual(expected);
  });

  it('suggests the engine a typo meant and warns of the in-memory fallback', () => {
    const [f] = distributedStorage.rules(ctx(withLocations({ default: ['S3Stroage', {}] })));
    expect(f?.message).toContain('did you mean "S3Storage"');
    expect(f?.hint).toContain('FakeStorage');
    expect(f?.fields).toEqual([`${D}[0]`, D]);
  });

  it('never throws on garbage, whatever the types', () => {
    const garbage: unknown[] = [
      null,
      0,
      'x',
      [],
      [null, null],
      [1, 2],
      ['S3Storage', { port: {}, s3_bucket: [] }],
      ['SwiftStorage', { os_options: 'x', auth_version: {} }],
      ['MultiCDNStorage', { providers: [], rules: 'x' }],
    ];
    for (const g of garbage) {
      expect(() => distributedStorage.rules(ctx({ DISTRIBUTED_STORAGE_CONFIG: { default: g }, DISTRIBUTED_STORAGE_PREFERENCE: 5, DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [1, null] }))).not.toThrow();
      expect(() => distributedStorage.probes?.(ctx({ DISTRIBUTED_STORAGE_CONFIG: { default: g } }))).not.toThrow();
    }
  });
});

describe('DistributedStorage: engine parameters as Quay’s constructors take them', () => {
  it.each([
    ['LocalStorage without storage_path', { default: ['LocalStorage', {}] }, [e('required', `${D}[1].storage_path`)]],
    ['S3Storage without bucket and path', { default: ['S3Storage', {}] }, [e('required', `${D}[1].storage_path`), e('required', `${D}[1].s3_bucket`)]],
    ['S3Storage with a misspelt parameter', { default: s3({ s3_buckett: 'x' }) }, [e('unknown-parameter', `${D}[1].s3_buckett`)]],
    ['S3Storage host with a scheme', { default: s3({ host: 'https://minio.local' }) }, [e('host-has-scheme', `${D}[1].host`)]],
    ['S3Storage with only an access key', { default: s3({ s3_secret_key: undefined }) }, [e('partial-credentials', `${D}[1].s3_secret_key`)]],
    ['S3Storage endpoint_url not a URL', { default: s3({ endpoint_url: 'minio:9000' }) }, [e('invalid-url', `${D}[1].endpoint_url`)]],
    ['S3Storage host and endpoint_url', { default: s3({ host: 'a', endpoint_url: 'https://b' }) }, [w('ignored-parameter', `${D}[1].host`)]],
    ['S3Storage s3_region with host', { default: s3({ host: 'minio', s3_region: 'us-east-1' }) }, [w('region-overrides-endpoint', `${D}[1].s3_region`)]],
    ['S3Storage bucket of the wrong type', { default: s3({ s3_bucket: 5 }) }, [e('invalid-type', `${D}[1].s3_bucket`)]],
    ['S3Storage without keys (instance role) is fine offline', { default: s3({ s3_access_key: undefined, s3_secret_key: undefined }) }, []],
    ['RadosGWStorage without is_secure (required positional)', { default: rados({ is_secure: undefined }) }, [e('required', `${D}[1].is_secure`)]],
    ['RadosGWStorage is_secure "false" (true to Quay)', { default: rados({ is_secure: 'false' }) }, [w('not-boolean', `${D}[1].is_secure`)]],
    ['RadosGWStorage port out of range', { default: rados({ port: 70000 }) }, [e('invalid-port', `${D}[1].port`)]],
    ['RadosGWStorage port as a numeric string', { default: rados({ port: '8080' }) }, []],
    ['RadosGWStorage scheme contradicting is_secure', { default: rados({ hostname: 'http://rgw', is_secure: true }) }, [w('scheme-overrides-is-secure', `${D}[1].hostname`)]],
    ['RHOCSStorage misses bucket_name', { default: ['RHOCSStorage', { ...(rados()[1] as object), bucket_name: '' }] }, [e('required', `${D}[1].bucket_name`)]],
    ['IBMCloudStorage takes maximum_chunk_size_mb', { default: ['IBMCloudStorage', { ...(rados()[1] as object), maximum_chunk_size_mb: 100 }] }, []],
    ['SwiftStorage auth_version 4', { default: swift({ auth_version: 4 }) }, [e('invalid-auth-version', `${D}[1].auth_version`)]],
    ['SwiftStorage auth_version "v3" (Quay would fall back to 2)', { default: swift({ auth_version: 'v3' }) }, [e('invalid-auth-version', `${D}[1].auth_version`)]],
    ['SwiftStorage without auth_version (Quay defaults to 2)', { default: swift() }, []],
    ['SwiftStorage v3 without domain and project', { default: swift({ auth_version: 3 }) }, [e('swift-v3-domain-missing', `${D}[1].os_options`), e('swift-v3-project-missing', `${D}[1].os_options`)]],
    ['SwiftStorage v3 complete', { default: swift({ auth_version: '3', os_options: { user_domain_name: 'Default', project_name: 'quay' } }) }, []],
    ['SwiftStorage auth_url not a URL', { default: swift({ auth_url: 'keystone:5000' }) }, [e('invalid-url', `${D}[1].auth_url`)]],
    ['SwiftStorage ca_cert_path into the bundle, file absent', { default: swift({ ca_cert_path: 'conf/stack/swift.crt' }) }, [w('file-missing', `${D}[1].ca_cert_path`)]],
    [
      'AzureStorage bad account and container names',
      { default: azure({ azure_account_name: 'Quay_Acct', azure_container: 'Quay--x' }) },
      [e('invalid-account-name', `${D}[1].azure_account_name`), e('invalid-container-name', `${D}[1].azure_container`)],
    ],
    ['AzureStorage key not base64', { default: azure({ azure_account_key: 'not base64!' }) }, [e('invalid-account-key', `${D}[1].azure_account_key`)]],
    ['AzureStorage without any credential', { default: azure({ azure_account_key: undefined }) }, [e('credentials-missing', `${D}[1].azure_account_key`)]],
    ['AzureStorage with sas_token only (unused by Quay)', { default: azure({ azure_account_key: undefined, sas_token: 'sv=1&sig=x' }) }, [e('sas-token-not-used', `${D}[1].sas_token`)]],
    ['AzureStorage with the SAS in endpoint_url', { default: azure({ azure_account_key: undefined, endpoint_url: 'https://quayacct.blob.core.windows.net/?sv=1&sig=x' }) }, []],
    ['AzureStorage connection_string (no longer a parameter)', { default: azure({ connection_string: 'x' }) }, [e('unknown-parameter', `${D}[1].connection_string`)]],
    ['GoogleCloudStorage without HMAC keys', { default: ['GoogleCloudStorage', { bucket_name: 'b', storage_path: '/r' }] }, [e('required', `${D}[1].access_key`), e('required', `${D}[1].secret_key`)]],
    [
      'CloudFlareStorage needs s3_region, domain and key file',
      { default: ['CloudFlareStorage', { s3_bucket: 'b', storage_path: '/r' }] },
      [e('required', `${D}[1].s3_region`), e('required', `${D}[1].cloudflare_domain`), e('required', `${D}[1].cloudflare_privatekey_filename`)],
    ],
    [
      'AkamaiS3Storage with an AES token of 10 bytes',
      { default: ['AkamaiS3Storage', { s3_bucket: 'b', storage_path: '/r', s3_region: 'r', akamai_domain: 'd', akamai_shared_secret: 's', amz_encryption_token: '0123456789' }] },
      [e('invalid-aes-key', `${D}[1].amz_encryption_token`)],
    ],
    [
      'STSS3Storage without role or credentials',
      { default: ['STSS3Storage', { s3_bucket: 'b', storage_path: '/r' }] },
      [w('sts-role-from-environment', `${D}[1].sts_role_arn`), w('sts-credentials-from-environment', `${D}[1].sts_user_access_key`)],
    ],
  ])('%s', (_name, locations, expected) => {
    expect(findings(withLocations(locations))).toEqual(expected);
  });

  it('every finding about a parameter also names its location, so that location is not probed', () => {
    const all = distributedStorage.rules(ctx(withLocations({ default: rados({ port: 0, bucket: 'x' }) })));
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(f.fields.at(-1)).toBe(D);
  });

  it('suggests the parameter a typo meant', () => {
    const [f] = distributedStorage.rules(ctx(withLocations({ default: s3({ s3_buckett: 'x', s3_bucket: undefined }) })));
    expect(f?.message).toContain('did you mean "s3_bucket"');
  });
});

describe('DistributedStorage: CloudFront signing key in the bundle', () => {
  it.each([
    ['present and a PEM private key', cloudfront(), keyFile, []],
    ['also found under /conf/stack/', cloudfront({ cloudfront_privatekey_filename: '/conf/stack/default-cloudfront-signing-key.pem' }), keyFile, []],
    ['not in the bundle', cloudfront(), new Map(), [e('file-missing', `${D}[1].cloudfront_privatekey_filename`)]],
    ['not a private key', cloudfront(), new Map([['default-cloudfront-signing-key.pem', new TextEncoder().encode('hello')]]), [e('invalid-private-key', `${D}[1].cloudfront_privatekey_filename`)]],
    ['not named, conventional file present', cloudfront({ cloudfront_privatekey_filename: undefined }), keyFile, [e('required', `${D}[1].cloudfront_privatekey_filename`)]],
    ['without s3_region (a required argument)', cloudfront({ s3_region: undefined }), keyFile, [e('required', `${D}[1].s3_region`)]],
  ])('%s', (_name, location, files, expected) => {
    expect(findings(withLocations({ default: location }), files)).toEqual(expected);
  });

  it('points at the conventional file when it is in the bundle but not named', () => {
    const [f] = distributedStorage.rules(ctx(withLocations({ default: cloudfront({ cloudfront_privatekey_filename: undefined }) }), keyFile));
    expect(f?.hint).toBe('the bundle has default-cloudfront-signing-key.pem: set cloudfront_privatekey_filename: default-cloudfront-signing-key.pem');
  });
});

describe('DistributedStorage: MultiCDNStorage', () => {
  const storage_config = { s3_bucket: 'b', storage_path: '/r', s3_region: 'us-east-1', s3_access_key: 'a', s3_secret_key: 's' };
  const cf = ['CloudFrontedS3Storage', { cloudfront_distribution_domain: 'd', cloudfront_key_id: 'k', cloudfront_privatekey_filename: 'f.pem' }];
  const multi = (p: Record<string, unknown>) => ['MultiCDNStorage', { storage_config, providers: { AWS: cf }, default_provider: 'AWS', rules: [], ...p }];
  const P = `${D}[1]`;
  it.each([
    ['valid', multi({}), []],
    ['default provider not among the providers', multi({ default_provider: 'CF' }), [e('unknown-provider', `${P}.default_provider`)]],
    ['an unknown provider class', multi({ providers: { AWS: ['FooStorage', {}] } }), [e('unknown-provider', `${P}.providers.AWS[0]`)]],
    [
      'a provider missing its key id',
      multi({ providers: { AWS: ['CloudFrontedS3Storage', { cloudfront_distribution_domain: 'd', cloudfront_privatekey_filename: 'f' }] } }),
      [e('required', `${P}.providers.AWS[1].cloudfront_key_id`)],
    ],
    [
      'rules: bad key, unknown target, bad continent',
      multi({ rules: [{ namespace: 'x', target: 'AWS', colour: 'red' }, { target: 'Nope' }, { continent: 'XX', target: 'AWS' }] }),
      [e('invalid-rule', `${P}.rules[0]`), e('unknown-provider', `${P}.rules[1]`), e('invalid-rule', `${P}.rules[2]`)],
    ],
    ['rules missing (a required argument)', multi({ rules: undefined }), [e('required', `${P}.rules`)]],
  ])('%s', (_name, location, expected) => {
    expect(findings(withLocations({ default: location }))).toEqual(expected);
  });
});

describe('DistributedStorage: keys that name locations, replication', () => {
  const two = { default: local, backup: local };
  it.each([
    ['preference missing', { DISTRIBUTED_STORAGE_CONFIG: two }, [e('required', 'DISTRIBUTED_STORAGE_PREFERENCE')]],
    ['preference names an unknown location', withLocations(two, { DISTRIBUTED_STORAGE_PREFERENCE: ['defualt'] }), [e('unknown-location', 'DISTRIBUTED_STORAGE_PREFERENCE[0]')]],
    ['preference lists a location twice', withLocations(two, { DISTRIBUTED_STORAGE_PREFERENCE: ['default', 'default'] }), [w('duplicate-location', 'DISTRIBUTED_STORAGE_PREFERENCE[1]')]],
    ['default locations must exist', withLocations(two, { DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: ['default', 'other'] }), [e('unknown-location', 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS[1]')]],
    ['USERFILES_LOCATION and LOG_ARCHIVE_LOCATION must exist', withLocations(two, { USERFILES_LOCATION: 'x', LOG_ARCHIVE_LOCATION: 'backup' }), [e('unknown-location', 'USERFILES_LOCATION')]],
    [
      'replication with LocalStorage',
      withLocations(two, { FEATURE_STORAGE_REPLICATION: true, DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: ['default'] }),
      [e('replication-local-storage', 'FEATURE_STORAGE_REPLICATION'), e('replication-local-storage', 'FEATURE_STORAGE_REPLICATION')],
    ],
    ['replication with one location', withLocations({ default: s3() }, { FEATURE_STORAGE_REPLICATION: true }), [w('replication-single-location', 'FEATURE_STORAGE_REPLICATION')]],
    ['replication without default locations', withLocations({ a: s3(), b: rados() }, { FEATURE_STORAGE_REPLICATION: 'yes' }), [w('replication-no-default-locations', 'FEATURE_STORAGE_REPLICATION')]],
    ['replication off', withLocations(two, { FEATURE_STORAGE_REPLICATION: false }), []],
  ])('%s', (_name, config, expected) => {
    expect(findings(config)).toEqual(expected);
  });

  it('suggests the location a typo meant', () => {
    const [f] = distributedStorage.rules(ctx(withLocations(two, { DISTRIBUTED_STORAGE_PREFERENCE: ['defualt'] })));
    expect(f?.message).toContain('did you mean "default"');
    expect(f?.hint).toBe('configured locations: default, backup');
  });
});

describe('DistributedStorage probes', () => {
  it('one probe per well-formed location, each naming only its location', () => {
    const probes = distributedStorage.probes?.(ctx(withLocations({ default: local, s3: s3(), bad: ['Nope', {}], short: ['S3Storage'] }))) ?? [];
    expect(probes.map((p) => [p.name, p.fields])).toEqual([
      ['storage location "default" (LocalStorage)', ['DISTRIBUTED_STORAGE_CONFIG.default']],
      ['storage location "s3" (S3Storage)', ['DISTRIBUTED_STORAGE_CONFIG.s3']],
    ]);
  });

  it('LocalStorage: online validation says it cannot be checked (warning), naming the path', async () => {
    const [probe] = distributedStorage.probes?.(ctx(withLocations({ default: local }))) ?? [];
    const out = await probe?.run({
      signal: new AbortController().signal,
      timeoutMs: 1000,
      files: new Map(),
      extraCAs: [],
      enter: () => {},
      endpoints: { github: '', githubApi: '', gitlab: '', google: '', bitbucket: '', s3: '' },
    });
    expect(out?.map((f) => ({ code: f.code, severity: f.severity, fields: f.fields }))).toEqual([{ code: 'not-checkable', severity: 'warning', fields: [`${D}[1].storage_path`, D] }]);
    expect(out?.[0]?.message).toContain('/datastorage/registry');
  });
});
