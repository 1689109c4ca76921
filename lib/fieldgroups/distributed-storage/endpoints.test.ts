import { describe, expect, it } from 'vitest';
import { radosEndpoint } from './radosgw';
import { ownS3Params, resolveS3Endpoint } from './s3';
import { swiftAuthVersion } from './swift';

const loc = (engine: string, params: Record<string, unknown>) => ({ name: 'default', engine, params });
const AWS = 'https://s3.amazonaws.com';

describe('resolveS3Endpoint: where Quay’s S3Storage sends requests (storage/cloud.py)', () => {
  it.each([
    ['AWS default, virtual-hosted', {}, { endpoint: AWS, region: 'us-east-1', pathStyle: false }],
    ['AWS region endpoint', { s3_region: 'eu-west-1' }, { endpoint: 'https://s3.eu-west-1.amazonaws.com', region: 'eu-west-1', pathStyle: false }],
    ['AWS China', { s3_region: 'cn-north-1' }, { endpoint: 'https://s3.cn-north-1.amazonaws.com.cn', region: 'cn-north-1', pathStyle: false }],
    ['bucket with dots goes path-style on AWS', { s3_bucket: 'my.bucket' }, { endpoint: AWS, region: 'us-east-1', pathStyle: true }],
    ['host is always HTTPS (quay/quay#5943), port appended', { host: 'minio.local', port: 9000 }, { endpoint: 'https://minio.local:9000', region: 'us-east-1', pathStyle: true }],
    ['host already carrying a port keeps it', { host: 'minio.local:9443', port: 9000 }, { endpoint: 'https://minio.local:9443', region: 'us-east-1', pathStyle: true }],
    ['endpoint_url as given, http allowed', { endpoint_url: 'http://minio.local:9000/', host: 'ignored' }, { endpoint: 'http://minio.local:9000', region: 'us-east-1', pathStyle: true }],
  ])('%s', (_name, params, expected) => {
    const ep = resolveS3Endpoint(ownS3Params(loc('S3Storage', { s3_bucket: 'quay', ...params })), AWS);
    expect({ endpoint: ep.endpoint, region: ep.region, pathStyle: ep.pathStyle }).toEqual(expected);
  });

  it('an overridden default endpoint (tests, air-gapped mirrors) is path-style', () => {
    expect(resolveS3Endpoint(ownS3Params(loc('S3Storage', { s3_bucket: 'quay' })), 'http://127.0.0.1:9000').pathStyle).toBe(true);
  });
});

describe('radosEndpoint: _build_endpoint_url(hostname, port, is_secure)', () => {
  it.each([
    [{ hostname: 'rgw', is_secure: true }, 'https://rgw'],
    [{ hostname: 'rgw', is_secure: false, port: 8080 }, 'http://rgw:8080'],
    [{ hostname: 'rgw', is_secure: 'false', port: '8080' }, 'https://rgw:8080'],
    [{ hostname: 'http://rgw', is_secure: true }, 'http://rgw'],
    [{ hostname: 'rgw:7480', is_secure: false, port: 8080 }, 'http://rgw:7480'],
  ])('%o → %s', (params, url) => {
    expect(radosEndpoint(loc('RadosGWStorage', params))).toBe(url);
  });
});

describe('swiftAuthVersion: int(auth_version or "2")', () => {
  it.each([
    [undefined, 2],
    ['', 2],
    [1, 1],
    ['3', 3],
    [4, undefined],
    ['v3', undefined],
    [2.5, undefined],
  ])('%o → %o', (v, expected) => {
    expect(swiftAuthVersion(loc('SwiftStorage', v === undefined ? {} : { auth_version: v }))).toBe(expected);
  });
});
