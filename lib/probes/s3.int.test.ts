import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINTS, type ProbeContext } from './context';
import { probeS3Storage, type S3ProbeTarget } from './s3';

/**
 * The S3 probe's rarer answers, from a scripted S3 look-alike in this process (Swift's s3api,
 * used by the storage integration tests, never answers like this): a wrong-region redirect, an
 * endpoint without server-side encryption, a proxy that alters objects, a policy without delete.
 */
type Behaviour = 'redirect-region' | 'no-sse' | 'alter-objects' | 'no-delete' | 'head-denied';
let behaviour: Behaviour = 'no-sse';
const objects = new Map<string, string>();
const seen: string[] = [];

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
    seen.push(`${req.method} ${region}`);
    const fail = (status: number, code: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(req.method === 'HEAD' ? undefined : `<Error><Code>${code}</Code><Message>${code}</Message></Error>`);
    };
    if (behaviour === 'redirect-region' && region !== 'eu-west-1') {
      res.writeHead(301, { 'x-amz-bucket-region': 'eu-west-1' });
      return res.end();
    }
    if (behaviour === 'head-denied' && req.method === 'HEAD') return fail(403, 'AccessDenied');
    const key = req.url ?? '';
    if (req.method === 'HEAD') return res.writeHead(200).end();
    if (req.method === 'PUT') {
      if (behaviour === 'no-sse' && req.headers['x-amz-server-side-encryption']) return fail(501, 'NotImplemented');
      objects.set(key, Buffer.concat(chunks).toString());
      return res.writeHead(200).end();
    }
    if (req.method === 'GET') {
      const body = objects.get(key);
      if (body === undefined) return fail(404, 'NoSuchKey');
      return res.writeHead(200).end(behaviour === 'alter-objects' ? body.toUpperCase() : body);
    }
    if (req.method === 'DELETE') {
      if (behaviour === 'no-delete') return fail(403, 'AccessDenied');
      objects.delete(key);
      return res.writeHead(204).end();
    }
    return fail(400, 'InvalidRequest');
  });
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  port = typeof a === 'object' && a ? a.port : 0;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

const ctx = (): ProbeContext => ({ signal: new AbortController().signal, timeoutMs: 2000, files: new Map(), extraCAs: [], enter: () => {}, endpoints: DEFAULT_ENDPOINTS });
const target = (over: Partial<S3ProbeTarget> = {}): S3ProbeTarget => ({
  label: 'storage location "default"',
  endpoint: `http://127.0.0.1:${port}`,
  region: 'us-east-1',
  bucket: 'quay',
  pathStyle: true,
  key: 'registry/quay-config-probe-x',
  credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
  fields: { location: 'L', endpoint: ['E'], bucket: ['B'], credentials: ['K'] },
  ...over,
});
const run = async (b: Behaviour, over: Partial<S3ProbeTarget> = {}) => {
  behaviour = b;
  seen.length = 0;
  return (await probeS3Storage(target(over), ctx())).map((f) => ({ code: f.code, severity: f.severity, stage: f.stage, fields: f.fields }));
};

describe('probeS3Storage: answers Swift does not give', () => {
  it('follows a wrong-region answer as boto3 does, and says which region to set', async () => {
    expect(await run('redirect-region')).toEqual([{ code: 'wrong-region', severity: 'warning', stage: 'semantic', fields: ['E', 'L'] }]);
    // HeadBucket and the PUT go out together, in either order; the redirected PUT only after the redirected HEAD.
    expect(seen.slice(0, 2).sort()).toEqual(['HEAD us-east-1', 'PUT us-east-1']);
    expect(seen.slice(2)).toEqual(['HEAD eu-west-1', 'PUT eu-west-1', 'GET eu-west-1', 'DELETE eu-west-1']);
  });

  it('an endpoint without server-side encryption refuses S3Storage uploads; RadosGW-style uploads pass', async () => {
    expect(await run('no-sse', { serverSideEncryption: true })).toEqual([{ code: 'sse-unsupported', severity: 'error', stage: 'semantic', fields: ['E', 'L'] }]);
    expect(await run('no-sse', { serverSideEncryption: false })).toEqual([]);
  });

  it('an object read back differently is reported, and still deleted', async () => {
    expect(await run('alter-objects')).toEqual([{ code: 'read-mismatch', severity: 'error', stage: 'semantic', fields: ['L'] }]);
    expect(seen.at(-1)).toBe('DELETE us-east-1');
  });

  it('no delete permission', async () => {
    expect(await run('no-delete')).toEqual([{ code: 'delete-denied', severity: 'error', stage: 'semantic', fields: ['K', 'L'] }]);
  });

  it('HeadBucket denied (Quay calls it at start-up) even though objects could be read', async () => {
    objects.clear();
    expect(await run('head-denied')).toEqual([{ code: 'bucket-head-denied', severity: 'error', stage: 'semantic', fields: ['K', 'L'] }]);
    // The PUT sent along with the HEAD went through: the probe takes its object away again.
    expect(seen).toContain('DELETE us-east-1');
    expect(objects.size).toBe(0);
  });
});
