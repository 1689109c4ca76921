import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { POST as validateV2 } from '../../app/api/v2/validate/route';
import { POST as validateStream } from '../../app/api/v2/validate/stream/route';
import { POST as validateV1 } from '../../app/api/v1/config/validate/route';
import { POST as downloadV1 } from '../../app/api/v1/config/download/route';
import { POST as parseBundle } from '../../app/api/v2/bundle/parse/route';
import { POST as downloadV2 } from '../../app/api/v2/bundle/download/route';
import { POST as psk } from '../../app/api/v2/keys/psk/route';
import { POST as serviceKey } from '../../app/api/v2/keys/service-key/route';
import { POST as selfSigned } from '../../app/api/v2/certs/self-signed/route';
import { POST as inspect } from '../../app/api/v2/certs/inspect/route';
import type { ParsedBundle, SelfSignedResponse, ServiceKeyResponse, CertificateInfo } from '../../lib/api/contract';
import type { ValidationReport } from '../../lib/report/types';

const URL_BASE = 'https://localhost:8443';
const jsonRequest = (path: string, body: unknown) => new Request(`${URL_BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const CONFIG = {
  SERVER_HOSTNAME: 'quay.example.com',
  DB_URI: 'postgresql://quay:pw@db.example.com/quay',
  BUILDLOGS_REDIS: { host: 'redis.example.com' },
  USER_EVENTS_REDIS: { host: 'redis.example.com' },
  DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/datastorage/registry' }] },
  DISTRIBUTED_STORAGE_PREFERENCE: ['default'],
  SECRET_KEY: 'a'.repeat(40),
  DATABASE_SECRET_KEY: 'b'.repeat(40),
};

/** Minimal ustar archive (one regular file per entry) for request bodies. */
function tarGz(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const h = Buffer.alloc(512);
    h.write(name, 0);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

describe('POST /api/v2/validate', () => {
  it('returns the §4 report for a JSON bundle, offline', async () => {
    const res = await validateV2(jsonRequest('/api/v2/validate?mode=offline', { 'config.yaml': CONFIG, certs: {} }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const report = (await res.json()) as ValidationReport;
    expect(report.mode).toBe('offline');
    expect(report.groups.map((g) => g.group)).toContain('Database');
    expect(report.groups.every((g) => ['ok', 'warning', 'error', 'skipped'].includes(g.status))).toBe(true);
  });

  it('accepts a raw tar.gz body and names the failing key of an invalid config', async () => {
    const yaml = 'SERVER_HOSTNAME: quay.example.com\nDB_URI: postgres://x@y/z\n';
    const res = await validateV2(
      new Request(`${URL_BASE}/api/v2/validate?mode=offline&groups=Database`, {
        method: 'POST',
        headers: { 'content-type': 'application/gzip' },
        body: new Uint8Array(tarGz({ 'config.yaml': yaml })),
      }),
    );
    const report = (await res.json()) as ValidationReport;
    expect(report.valid).toBe(false);
    const db = report.groups.find((g) => g.group === 'Database');
    expect(db?.findings.some((f) => f.severity === 'error' && f.fields.includes('DB_URI'))).toBe(true);
    expect(report.groups.find((g) => g.group === 'Redis')?.status).toBe('skipped');
  });

  it.each([
    ['malformed JSON', new Request(`${URL_BASE}/api/v2/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"config.yaml": ' }), 400, 'not valid JSON'],
    ['an unknown group', jsonRequest('/api/v2/validate?groups=Databse', { 'config.yaml': {}, certs: {} }), 400, 'Databse'],
    ['a bad mode', jsonRequest('/api/v2/validate?mode=testing', { 'config.yaml': {}, certs: {} }), 400, 'mode'],
    ['config.yaml as a string', jsonRequest('/api/v2/validate', { 'config.yaml': 'x', certs: {} }), 400, 'config.yaml'],
    ['a traversal cert name', jsonRequest('/api/v2/validate', { 'config.yaml': {}, certs: { '../../etc/evil.crt': 'eA==' } }), 400, '..'],
    ['an empty body', new Request(`${URL_BASE}/api/v2/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }), 400, 'empty'],
  ])('answers %s with a 4xx {"error"} naming the problem', async (_name, request, status, needle) => {
    const res = await validateV2(request);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string };
    expect(body.error).toContain(needle);
  });
});

describe('POST /api/v2/validate/stream', () => {
  it('streams one NDJSON line per group, then the whole report', async () => {
    const res = await validateStream(jsonRequest('/api/v2/validate/stream?mode=offline', { 'config.yaml': CONFIG, certs: {} }));
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; group?: string; valid?: boolean });
    expect(lines[0]?.event).toBe('start');
    const groups = lines.filter((l) => l.event === 'group');
    expect(groups.length).toBe(28);
    expect(lines.at(-1)?.event).toBe('done');
    expect(typeof lines.at(-1)?.valid).toBe('boolean');
  });
});

describe('config-tool compatible v1 API', () => {
  it('validate answers a list of {FieldGroup, Tags, Message} errors', async () => {
    const res = await validateV1(jsonRequest('/api/v1/config/validate?mode=offline', { 'config.yaml': { ...CONFIG, DB_URI: 'oracle://x' }, certs: {} }));
    expect(res.status).toBe(200);
    const errors = (await res.json()) as Array<{ FieldGroup: string; Tags: string[]; Message: string }>;
    expect(errors).toContainEqual(expect.objectContaining({ FieldGroup: 'Database', Tags: expect.arrayContaining(['DB_URI']) }));
    expect(errors.every((e) => typeof e.Message === 'string')).toBe(true);
  });

  it('download answers application/gzip with config.yaml first and sanitised names', async () => {
    const res = await downloadV1(jsonRequest('/api/v1/config/download', { 'config.yaml': CONFIG, certs: { 'extra_ca_certs/ca.crt': Buffer.from('x').toString('base64') } }));
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-disposition')).toContain('quay-config.tar.gz');
    const tar = gunzipSync(Buffer.from(await res.arrayBuffer()));
    expect(tar.subarray(0, 11).toString()).toBe('config.yaml');
    expect(tar.includes(Buffer.from('extra_ca_certs/ca.crt'))).toBe(true);
  });
});

describe('bundle upload and download (v2)', () => {
  it('round-trips an uploaded bundle: comments and unknown keys survive an edit', async () => {
    const yaml = '# managed by ops\nSERVER_HOSTNAME: quay.example.com  # public name\nX_UNKNOWN_KEY: keep-me\nDB_URI: postgresql://a:b@c/d\n';
    const parsedRes = await parseBundle(
      new Request(`${URL_BASE}/api/v2/bundle/parse`, { method: 'POST', headers: { 'content-type': 'application/gzip' }, body: new Uint8Array(tarGz({ 'config.yaml': yaml, 'notes.txt': 'hello' })) }),
    );
    expect(parsedRes.status).toBe(200);
    const parsed = (await parsedRes.json()) as ParsedBundle;
    expect(parsed.originalConfigYaml).toBe(yaml);
    expect(parsed.certs['notes.txt']).toBe(Buffer.from('hello').toString('base64'));
    parsed['config.yaml'].DB_URI = 'postgresql://a:b@c/e';
    const out = await downloadV2(jsonRequest('/api/v2/bundle/download', parsed));
    const tar = gunzipSync(Buffer.from(await out.arrayBuffer())).toString('latin1');
    expect(tar).toContain('# managed by ops\nSERVER_HOSTNAME: quay.example.com  # public name\nX_UNKNOWN_KEY: keep-me\nDB_URI: postgresql://a:b@c/e\n');
    expect(tar).toContain('notes.txt');
  });

  it('rejects a hostile archive naming the entry', async () => {
    const res = await parseBundle(
      new Request(`${URL_BASE}/api/v2/bundle/parse`, {
        method: 'POST',
        headers: { 'content-type': 'application/gzip' },
        body: new Uint8Array(tarGz({ 'config.yaml': 'A: 1\n', '../../etc/passwd': 'x' })),
      }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('../../etc/passwd');
  });
});

describe('keys and certificates', () => {
  it('makes a PSK of at least 32 random bytes in standard base64, different each time', async () => {
    const a = ((await (await psk()).json()) as { psk: string }).psk;
    const b = ((await (await psk()).json()) as { psk: string }).psk;
    expect(Buffer.from(a, 'base64').length).toBeGreaterThanOrEqual(32);
    expect(a).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(a).not.toBe(b);
  });

  it('makes a service key whose kid is 64 hex chars and whose PEM is PKCS#1', async () => {
    const res = await serviceKey(jsonRequest('/api/v2/keys/service-key', { name: 'clair' }));
    const key = (await res.json()) as ServiceKeyResponse;
    expect(key.kid).toMatch(/^[0-9a-f]{64}$/);
    expect(key.privateKeyPem).toContain('BEGIN RSA PRIVATE KEY');
    expect(key.jwtproxySnippet).toContain(key.kid);
  });

  it('refuses a service key that expires in the past', async () => {
    const res = await serviceKey(jsonRequest('/api/v2/keys/service-key', { expiration: '2001-01-01T00:00:00Z' }));
    expect(res.status).toBe(400);
  });

  it('makes a CA + server certificate the inspector accepts, with the key matching', async () => {
    const made = (await (await selfSigned(jsonRequest('/api/v2/certs/self-signed', { hostname: 'quay.example.com:8443', ips: ['10.0.0.5'] }))).json()) as SelfSignedResponse;
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const res = await inspect(jsonRequest('/api/v2/certs/inspect', { certs: { 'ssl.cert': b64(made.certPem), 'ssl.key': b64(made.keyPem), 'extra_ca_certs/ca.crt': b64(made.caCertPem) } }));
    const infos = (await res.json()) as CertificateInfo[];
    const cert = infos.find((i) => i.name === 'ssl.cert');
    expect(cert?.keyMatches).toBe(true);
    expect(cert?.certificates[0]?.sans).toEqual(expect.arrayContaining(['quay.example.com', '10.0.0.5']));
    expect(infos.find((i) => i.name === 'extra_ca_certs/ca.crt')?.certificates[0]?.isCA).toBe(true);
    expect(infos.find((i) => i.name === 'ssl.key')?.hasPrivateKey).toBe(true);
  });

  it('rejects a host name with a scheme', async () => {
    const res = await selfSigned(jsonRequest('/api/v2/certs/self-signed', { hostname: 'https://quay.example.com' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('hostname');
  });
});
