import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { sha256Hex, signAwsRequest, type AwsCredentials } from './aws-sigv4';

/**
 * The signer of aws-sigv4.ts against @smithy/signature-v4 (what the probes used before, issue 11),
 * called as the probes called it: the same headers for S3 (paths as sent), STS and Elasticsearch
 * (paths normalised and double-encoded), with and without a session token, queries and bodies.
 */

class NodeSha256 implements Checksum {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: Uint8Array | string): void {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh() {
    if (this.secret === undefined) return createHash('sha256');
    return createHmac('sha256', typeof this.secret === 'string' ? Buffer.from(this.secret, 'utf8') : Buffer.from(this.secret as Uint8Array));
  }
}

async function smithy(url: URL, req: { method: string; headers?: Record<string, string>; body?: string }, service: string, region: string, credentials: AwsCredentials, now: Date) {
  const signer = new SignatureV4({ credentials, region, service, sha256: NodeSha256, uriEscapePath: service !== 's3', applyChecksum: false });
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    query[k] = v;
  });
  const headers = { ...Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])), host: url.host, 'x-amz-content-sha256': sha256Hex(req.body ?? '') };
  const signed = await signer.sign(
    { method: req.method, protocol: url.protocol, hostname: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), path: url.pathname, query, headers, ...(req.body !== undefined ? { body: req.body } : {}) },
    { signingDate: now },
  );
  return Object.fromEntries(Object.entries(signed.headers).filter(([, v]) => typeof v === 'string'));
}

const keys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const cases: Array<[string, string, string, { headers?: Record<string, string>; body?: string }, AwsCredentials]> = [
  ['s3', 'HEAD', 'https://127.0.0.1:8443/quay', {}, keys],
  ['s3', 'PUT', 'https://s3.eu-west-1.amazonaws.com/quay/registry/quay-config-probe-1%20x', { headers: { 'Content-Type': 'text/plain', 'x-amz-server-side-encryption': 'AES256' }, body: 'probe  body' }, keys],
  ['s3', 'GET', 'https://bucket.s3.amazonaws.com/a/b/../c?versionId=1&acl', {}, { ...keys, sessionToken: 'FwoGZXIvYXdzEJr//////////tok' }],
  ['sts', 'POST', 'https://sts.amazonaws.com/', { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: 'Action=AssumeRoleWithWebIdentity&Version=2011-06-15' }, keys],
  ['es', 'GET', 'https://search-logs.us-east-1.es.amazonaws.com/_cluster/health', { headers: { Accept: 'application/json' } }, keys],
  ['es', 'GET', 'https://es.local:9200/logentry_*/_search/./x/../?q=a%20b&size=1', { headers: { 'User-Agent': 'quay-config-validator', 'X-Custom': '  two   spaces ' } }, { ...keys, sessionToken: 'tok' }],
];

describe('SigV4 signing, as @smithy/signature-v4 signs', () => {
  it.each(cases)('%s %s %s', async (service, method, url, req, credentials) => {
    const now = new Date('2026-12-03T13:14:15.678Z');
    const ours = await signAwsRequest(new URL(url), { method, ...req }, { service, region: 'us-east-1', credentials, now });
    expect(ours).toEqual(await smithy(new URL(url), { method, ...req }, service, 'us-east-1', credentials, now));
  });
});
