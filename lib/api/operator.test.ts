import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as operatorRoute } from '../../app/api/v1/config/operator/route';
import { getServerState, setServerState } from '../server/state';
import { handle } from './http';
import { parseManagedFieldGroups, reconfigureThroughOperator, registryNameFromPod, stripManagedKeys, type ReconfigureOptions } from './operator';

/** A stand-in for the Quay operator: records each request and answers what the test scripted. */
interface Recorded {
  method: string;
  url: string;
  contentType: string | undefined;
  authorization?: string;
  body: unknown;
}
const recorded: Recorded[] = [];
let answer: (res: http.ServerResponse) => void = (res) => res.writeHead(200).end();
let operator: http.Server;
let hanging: http.Server;
let operatorUrl: string;
let hangingUrl: string;
let closedUrl: string;

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  operator = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Recorded = { method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString() || 'null') };
      if (req.headers.authorization) entry.authorization = req.headers.authorization;
      recorded.push(entry);
      answer(res);
    });
  });
  // Accepts the connection and the request, and never answers.
  hanging = http.createServer(() => {});
  operatorUrl = await listen(operator);
  hangingUrl = await listen(hanging);
  const closed = http.createServer();
  closedUrl = await listen(closed);
  await new Promise((r) => closed.close(r));
});

afterAll(async () => {
  hanging.closeAllConnections();
  await Promise.all([new Promise((r) => operator.close(r)), new Promise((r) => hanging.close(r))]);
});

afterEach(() => {
  recorded.length = 0;
  answer = (res) => res.writeHead(200).end();
});

const POD_ENV = { NODE_ENV: 'test', MY_POD_NAME: 'example-registry-quay-config-editor-7f9c8d-x2x4z', MY_POD_NAMESPACE: 'quay-ns' } as const;

const BUNDLE = {
  'config.yaml': {
    SERVER_HOSTNAME: 'q.example.com',
    FEATURE_X: true,
    DB_URI: 'postgresql://quay:secret@db/quay',
    BUILDLOGS_REDIS: { host: 'redis' },
    USER_EVENTS_REDIS: { host: 'redis' },
    DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/datastorage' }] },
  },
  certs: { 'ssl.cert': 'Zm9v', 'extra_ca_certs/corp.crt': 'YmFy' },
};

function call(body: unknown, options: ReconfigureOptions = {}): Promise<Response> {
  const run = handle((request: Request) => reconfigureThroughOperator(request, { endpoint: operatorUrl, env: POD_ENV, ...options }));
  return run(new Request('https://localhost/api/v1/config/operator', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

async function errorOf(res: Response): Promise<string> {
  expect(res.headers.get('content-type')).toContain('application/json');
  return ((await res.json()) as { error: string }).error;
}

describe('POST /api/v1/config/operator', () => {
  it('sends the bundle minus the managed groups (HostSettings kept) to <endpoint>/reconfigure, as config-tool did', async () => {
    answer = (res) => res.writeHead(202, { 'content-type': 'text/plain; charset=utf-8' }).end('reconfiguring example-registry');
    const res = await call({ ...BUNDLE, managedFieldGroups: ['Redis', 'Database', 'HostSettings'] });
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('reconfiguring example-registry');
    expect(recorded).toEqual([
      {
        method: 'POST',
        url: '/reconfigure',
        contentType: 'application/json',
        body: {
          quayRegistryName: 'example-registry',
          namespace: 'quay-ns',
          'config.yaml': {
            SERVER_HOSTNAME: 'q.example.com',
            FEATURE_X: true,
            DISTRIBUTED_STORAGE_CONFIG: BUNDLE['config.yaml'].DISTRIBUTED_STORAGE_CONFIG,
          },
          certs: { 'extra_ca_certs/corp.crt': 'YmFy', 'ssl.cert': 'Zm9v' },
        },
      },
    ]);
  });

  it('strips keys by pattern (OIDC providers) and keeps everything when no group is managed', async () => {
    const config = { ...BUNDLE['config.yaml'], CORP_LOGIN_CONFIG: { CLIENT_ID: 'x' }, GITHUB_LOGIN_CONFIG: { CLIENT_ID: 'y' } };
    await call({ 'config.yaml': config, managedFieldGroups: ['OIDC', 'DistributedStorage'] });
    const sent = (recorded[0]?.body as { 'config.yaml': Record<string, unknown> })['config.yaml'];
    expect(Object.keys(sent)).toEqual(['SERVER_HOSTNAME', 'FEATURE_X', 'DB_URI', 'BUILDLOGS_REDIS', 'USER_EVENTS_REDIS', 'GITHUB_LOGIN_CONFIG']);
    await call({ 'config.yaml': config });
    await call({ 'config.yaml': config, managedFieldGroups: null });
    expect((recorded[1]?.body as { 'config.yaml': unknown })['config.yaml']).toEqual(config);
    expect((recorded[2]?.body as { 'config.yaml': unknown })['config.yaml']).toEqual(config);
  });

  it('appends /reconfigure to an endpoint with a path, with or without a trailing slash', async () => {
    await call(BUNDLE, { endpoint: `${operatorUrl}/operator/` });
    await call(BUNDLE, { endpoint: `${operatorUrl}/operator` });
    expect(recorded.map((r) => r.url)).toEqual(['/operator/reconfigure', '/operator/reconfigure']);
  });

  it.each([
    [{}, /must be an array of field group names, not an object \(\{\} is what JSON makes of a JavaScript Set/],
    ['Redis', /must be an array of field group names, not a string/],
    [['Redis', 'Postgres', 7], /unknown field group\(s\): "Postgres", 7/],
  ])('managedFieldGroups %j is a 400 and nothing is sent', async (managed, message) => {
    const res = await call({ ...BUNDLE, managedFieldGroups: managed });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatch(message);
    expect(recorded).toEqual([]);
  });

  it('a malformed bundle is a 400 and nothing is sent', async () => {
    const res = await call({ 'config.yaml': {}, certs: { 'ssl.cert': 'not base64!' } });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toContain('certs.ssl.cert is not valid base64');
    expect(recorded).toEqual([]);
  });

  it("passes the operator's errors through, and an empty 204 as it is", async () => {
    answer = (res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"ConfigInvalid"}');
    const bad = await call(BUNDLE);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'ConfigInvalid' });
    answer = (res) => res.writeHead(204).end();
    const empty = await call(BUNDLE);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    expect(empty.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('an oversized operator answer is a 502', async () => {
    answer = (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(1024 * 1024 + 1));
    const res = await call(BUNDLE);
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toContain(`the operator at ${operatorUrl} answered more than 1048576 bytes`);
  });

  it('no endpoint, a bad endpoint or missing pod variables are a 409 saying what to set', async () => {
    const none = await call(BUNDLE, { endpoint: null });
    expect(none.status).toBe(409);
    expect(await errorOf(none)).toContain('no operator endpoint is configured: start the server with --operator-endpoint');
    const scheme = await call(BUNDLE, { endpoint: 'ftp://operator' });
    expect(scheme.status).toBe(409);
    expect(await errorOf(scheme)).toContain('must be an http:// or https:// URL');
    const noPod = await call(BUNDLE, { env: { NODE_ENV: 'test', MY_POD_NAMESPACE: 'quay-ns' } });
    expect(noPod.status).toBe(409);
    expect(await errorOf(noPod)).toMatch(/MY_POD_NAME is not: they name the QuayRegistry/);
    const neither = await call(BUNDLE, { env: { NODE_ENV: 'test' } });
    expect(await errorOf(neither)).toContain('MY_POD_NAME and MY_POD_NAMESPACE are not');
    expect(recorded).toEqual([]);
  });

  it('an unreachable operator is a 502 naming the endpoint (without its credentials)', async () => {
    const withCredentials = closedUrl.replace('http://', 'http://op:hunter2@');
    const res = await call(BUNDLE, { endpoint: withCredentials });
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error).toContain(`cannot reach the operator at ${closedUrl}: connect ECONNREFUSED`);
    expect(error).not.toContain('hunter2');
  });

  it("credentials in the endpoint URL go as Basic auth, as Go's client sent them", async () => {
    const res = await call(BUNDLE, { endpoint: operatorUrl.replace('http://', 'http://op:p%40ss@') });
    expect(res.status).toBe(200);
    expect(recorded[0]?.authorization).toBe(`Basic ${Buffer.from('op:p@ss').toString('base64')}`);
  });

  it('an operator that never answers is a 504 after the deadline', async () => {
    const res = await call(BUNDLE, { endpoint: hangingUrl, timeoutMs: 300 });
    expect(res.status).toBe(504);
    expect(await errorOf(res)).toBe(`the operator at ${hangingUrl} did not answer within 0.3 s`);
  });

  it("the route uses the server's --operator-endpoint and the pod environment", async () => {
    const saved = getServerState();
    const env = { MY_POD_NAME: process.env.MY_POD_NAME, MY_POD_NAMESPACE: process.env.MY_POD_NAMESPACE };
    setServerState({ password: 'pw', configDir: null, readonlyGroups: [], operatorEndpoint: operatorUrl });
    process.env.MY_POD_NAME = 'registry-two-quay-config-editor-abc';
    process.env.MY_POD_NAMESPACE = 'ns2';
    try {
      const res = await operatorRoute(new Request('https://localhost/api/v1/config/operator', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BUNDLE) }));
      expect(res.status).toBe(200);
      expect(recorded[0]?.body).toMatchObject({ quayRegistryName: 'registry-two', namespace: 'ns2' });
    } finally {
      if (saved) setServerState(saved);
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('operator helpers', () => {
  it('derives the registry name as config-tool did', () => {
    expect(registryNameFromPod('example-registry-quay-config-editor-7f9c8d-x2x4z')).toBe('example-registry');
    expect(registryNameFromPod('standalone-pod')).toBe('standalone-pod');
  });
  it('does not change the config it strips', () => {
    const config = { DB_URI: 'x', SERVER_HOSTNAME: 'q' };
    expect(stripManagedKeys(config, ['Database', 'HostSettings'])).toEqual({ config: { SERVER_HOSTNAME: 'q' }, removed: ['DB_URI'] });
    expect(config).toEqual({ DB_URI: 'x', SERVER_HOSTNAME: 'q' });
    expect(parseManagedFieldGroups(undefined)).toEqual([]);
  });
});
