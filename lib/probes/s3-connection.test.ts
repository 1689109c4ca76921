import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeConnections } from './connections';
import type { ProbeContext } from './context';
import { probeS3Storage } from './s3';

/**
 * The S3 probe's requests (HEAD bucket together with the PUT of its object, then GET and DELETE) go
 * over kept-alive connections, as boto3's pool sends them: two, one per request in flight, not one
 * TCP (+ TLS) handshake each (issue 11); the checks stay the same: a read-back mismatch is still found.
 */

const servers: http.Server[] = [];
const pools: Array<ReturnType<typeof probeConnections>> = [];
afterEach(() => {
  pools.splice(0).forEach((p) => p.destroy());
  servers.splice(0).forEach((s) => s.close());
});

async function fakeS3(opts: { alterReads?: boolean } = {}): Promise<{ endpoint: string; connections: () => number; methods: string[] }> {
  let connections = 0;
  const methods: string[] = [];
  let stored = '';
  const server = http.createServer((req, res) => {
    methods.push(req.method ?? '');
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.method === 'PUT') stored = body;
      if (req.method === 'GET') return res.end(opts.alterReads ? `${stored}!` : stored);
      res.statusCode = req.method === 'DELETE' ? 204 : 200;
      // As S3 frames a HEAD answer: without a length the client cannot keep the connection.
      if (req.method !== 'DELETE') res.setHeader('content-length', '0');
      res.end();
    });
  });
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections, methods };
}

/** As the pipeline runs a probe: with a pool of kept-alive connections of its own. */
const ctx = (): ProbeContext => {
  const connections = probeConnections();
  pools.push(connections);
  return {
    connections,
    signal: new AbortController().signal,
    timeoutMs: 5000,
    files: new Map(),
    extraCAs: [],
    enter: () => {},
    endpoints: { github: '', githubApi: '', gitlab: '', google: '', bitbucket: '', s3: '' },
  };
};

const target = (endpoint: string) => ({
  label: 'storage location "default"',
  endpoint,
  region: 'us-east-1',
  bucket: 'quay',
  pathStyle: true,
  key: 'registry/quay-config-probe',
  credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
  fields: { location: 'L', endpoint: ['E'], bucket: ['B'], credentials: ['K'] },
});

describe('the S3 probe', () => {
  it('sends HEAD with PUT, then GET and DELETE, over two connections', async () => {
    const s3 = await fakeS3();
    expect(await probeS3Storage(target(s3.endpoint), ctx())).toEqual([]);
    expect(s3.methods.slice(0, 2).sort()).toEqual(['HEAD', 'PUT']);
    expect(s3.methods.slice(2)).toEqual(['GET', 'DELETE']);
    expect(s3.connections()).toBe(2);
  });

  it('still compares what it reads back with what it wrote', async () => {
    const s3 = await fakeS3({ alterReads: true });
    const findings = await probeS3Storage(target(s3.endpoint), ctx());
    expect(findings.map((f) => f.code)).toEqual(['read-mismatch']);
    expect(s3.methods.slice(2)).toEqual(['GET', 'DELETE']);
  });
});
