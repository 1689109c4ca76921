import { describe, expect, it } from 'vitest';
import { awsUriEncode, sha256Hex, signAwsRequest } from './aws-sigv4';

// The worked examples of AWS's "Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk (AWS Signature Version 4)" (Amazon S3 API reference). Its PUT example
// signs a `Date` header, which the signer always replaces by `x-amz-date`, so it cannot be replayed.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const now = new Date('2013-05-24T00:00:00Z');
const opts = { service: 's3', region: 'us-east-1', credentials, now };
const signatureOf = (h: Record<string, string>) => h.authorization?.match(/Signature=([0-9a-f]{64})/)?.[1];

describe('signAwsRequest against AWS published SigV4 examples', () => {
  it.each([
    ['GET Object', 'GET', 'https://examplebucket.s3.amazonaws.com/test.txt', { range: 'bytes=0-9' }, undefined, 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'],
    ['GET Bucket Lifecycle (empty query value)', 'GET', 'https://examplebucket.s3.amazonaws.com/?lifecycle', {}, undefined, 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'],
    ['GET Bucket (sorted query)', 'GET', 'https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J', {}, undefined, '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'],
  ])('%s', async (_name, method, url, headers, body, signature) => {
    const signed = await signAwsRequest(new URL(url), { method, headers, ...(body !== undefined ? { body } : {}) }, opts);
    expect(signatureOf(signed)).toBe(signature);
    expect(signed.authorization).toContain('Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(signed['x-amz-date']).toBe('20130524T000000Z');
    expect(signed.host).toBe('examplebucket.s3.amazonaws.com');
  });

  it('hashes the payload into x-amz-content-sha256', async () => {
    const signed = await signAwsRequest(new URL('https://b.s3.amazonaws.com/k'), { method: 'PUT', body: 'Welcome to Amazon S3.' }, opts);
    expect(signed['x-amz-content-sha256']).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('adds the session token of temporary credentials, and keeps a non-default port in host', async () => {
    const signed = await signAwsRequest(new URL('http://127.0.0.1:8080/bucket'), { method: 'HEAD' }, { ...opts, credentials: { ...credentials, sessionToken: 'tok' } });
    expect(signed['x-amz-security-token']).toBe('tok');
    expect(signed.host).toBe('127.0.0.1:8080');
    expect(signed.authorization).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
  });

  it('encodes the characters RFC 3986 reserves, which encodeURIComponent leaves alone', () => {
    expect(awsUriEncode("a!b'c(d)e*f g")).toBe('a%21b%27c%28d%29e%2Af%20g');
  });
});
