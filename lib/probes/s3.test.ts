import { describe, expect, it } from 'vitest';
import { objectUrl } from './s3';
import { classifyS3Error, s3ErrorOf, type S3FindingFields } from './s3-errors';

const f: S3FindingFields = { location: ['L'], endpoint: ['E', 'L'], bucket: ['B', 'L'], credentials: ['K', 'S', 'L'] };
const t = { label: 'storage location "default"', bucket: 'quay', key: 'registry/quay-config-probe-1', serverSideEncryption: true };
const xml = (code: string, message = 'm') => ({ body: `<?xml version="1.0"?><Error><Code>${code}</Code><Message>${message}</Message><Region>eu-west-1</Region></Error>` });

describe('objectUrl', () => {
  it('path-style for custom endpoints, with each key segment encoded', () => {
    expect(objectUrl({ endpoint: 'http://127.0.0.1:8080', bucket: 'quay', pathStyle: true, key: 'a b/c$d' }, true).href).toBe('http://127.0.0.1:8080/quay/a%20b/c%24d');
    expect(objectUrl({ endpoint: 'http://127.0.0.1:8080', bucket: 'quay', pathStyle: true, key: 'x' }, false).href).toBe('http://127.0.0.1:8080/quay');
  });

  it('virtual-hosted on AWS', () => {
    expect(objectUrl({ endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'quay', pathStyle: false, key: 'r/k' }, true).href).toBe('https://quay.s3.eu-west-1.amazonaws.com/r/k');
    expect(objectUrl({ endpoint: 'https://s3.amazonaws.com', bucket: 'quay', pathStyle: false, key: 'k' }, false).href).toBe('https://quay.s3.amazonaws.com/');
  });
});

describe('s3ErrorOf', () => {
  it('reads code, message and region of an S3 error document; nothing from an empty body', () => {
    expect(s3ErrorOf(xml('NoSuchBucket', 'The specified bucket does not exist'))).toEqual({ code: 'NoSuchBucket', message: 'The specified bucket does not exist', region: 'eu-west-1' });
    expect(s3ErrorOf({ body: '' })).toEqual({});
  });
});

describe('classifyS3Error', () => {
  it.each([
    ['InvalidAccessKeyId', 403, 'put', 'auth-failed', 'auth', f.credentials],
    ['SignatureDoesNotMatch', 403, 'head', 'auth-failed', 'auth', f.credentials],
    ['ExpiredToken', 400, 'get', 'auth-failed', 'auth', f.credentials],
    ['RequestTimeTooSkewed', 403, 'put', 'auth-failed', 'auth', f.credentials],
    ['NoSuchBucket', 404, 'put', 'bucket-missing', 'semantic', f.bucket],
    ['InvalidBucketName', 400, 'put', 'invalid-bucket-name', 'semantic', f.bucket],
    ['AccessDenied', 403, 'head', 'bucket-head-denied', 'semantic', f.credentials],
    ['AccessDenied', 403, 'put', 'write-denied', 'semantic', f.credentials],
    ['AccessDenied', 403, 'get', 'read-denied', 'semantic', f.credentials],
    ['AccessDenied', 403, 'delete', 'delete-denied', 'semantic', f.credentials],
    ['NotImplemented', 501, 'put', 'sse-unsupported', 'semantic', f.endpoint],
    ['NoSuchKey', 404, 'head', 'bucket-head-denied', 'semantic', f.credentials],
  ] as const)('%s on %s (%s) → %s', (code, status, op, expected, stage, fields) => {
    const finding = classifyS3Error(s3ErrorOf(xml(code)), status, op, t, f);
    expect(finding && { code: finding.code, stage: finding.stage, fields: finding.fields, severity: finding.severity }).toEqual({ code: expected, stage, fields, severity: 'error' });
  });

  it('a 401 without an error document is an auth failure; an unknown 500 is left to the caller', () => {
    expect(classifyS3Error({}, 401, 'put', t, f)?.code).toBe('auth-failed');
    expect(classifyS3Error({ code: 'InternalError' }, 500, 'put', t, f)).toBeUndefined();
  });

  it('says the probe object was left behind when it could not be deleted', () => {
    expect(classifyS3Error({ code: 'AccessDenied' }, 403, 'delete', t, f)?.message).toContain('registry/quay-config-probe-1 was left behind');
  });

  it('does not blame encryption when none was requested (RadosGW)', () => {
    expect(classifyS3Error({ code: 'NotImplemented' }, 501, 'put', { ...t, serverSideEncryption: false }, f)).toBeUndefined();
  });
});
