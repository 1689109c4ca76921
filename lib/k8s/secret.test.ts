import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Bundle } from '../bundle/types';
import { POST } from '../../app/api/v2/bundle/k8s-secret/route';
import { configKeyProblem, dns1123LabelProblem, dns1123SubdomainProblem } from './names';
import { K8sSecretError, MAX_SECRET_DATA_BYTES, renderK8sSecret, secretData, secretKeyForFile } from './secret';

function bundle(files: Record<string, string | Buffer>, configText: string | null = 'SERVER_HOSTNAME: q.example.com\n'): Bundle {
  return {
    config: { SERVER_HOSTNAME: 'q.example.com' },
    configText,
    doc: null,
    files: new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])),
    findings: [],
  };
}

type Manifest = { metadata: Record<string, string>; data: Record<string, string> };

describe('Kubernetes names', () => {
  it.each([
    ['quay-config-bundle', null],
    ['quay.config.v2', null],
    ['a', null],
    ['Quay', /lower case/],
    ['-quay', /start and end with an alphanumeric/],
    ['quay_config', /lower case alphanumeric characters, '-' or '.'/],
    ['', /must not be empty/],
    ['a'.repeat(253), null],
    ['a'.repeat(254), /over the limit of 253/],
  ])('Secret name %j', (name, problem) => {
    const got = dns1123SubdomainProblem(name);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });

  it.each([
    ['quay-enterprise', null],
    ['quay.ns', /or '-'/],
    ['n'.repeat(63), null],
    ['n'.repeat(64), /over the limit of 63/],
  ])('namespace %j', (name, problem) => {
    const got = dns1123LabelProblem(name);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });

  it.each([
    ['extra_ca_cert_corp.crt', null],
    ['my cert.pem', /alphanumeric characters, '-', '_' or '.'/],
    ['zertifikat-ä.crt', /alphanumeric/],
    ['..', /must not be/],
  ])('data key %j', (key, problem) => {
    const got = configKeyProblem(key);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });
});

describe('renderK8sSecret', () => {
  it('flattens extra_ca_certs/<name> to extra_ca_cert_<name> and keeps top-level names', () => {
    expect(secretKeyForFile('extra_ca_certs/corp.crt')).toBe('extra_ca_cert_corp.crt');
    expect(secretKeyForFile('ssl.cert')).toBe('ssl.cert');
    expect(secretKeyForFile('extra_ca_cert_legacy.crt')).toBe('extra_ca_cert_legacy.crt');
  });

  it('keeps an unedited config.yaml byte for byte and renders an edited one from the config', () => {
    const text = '# keep this comment\nSERVER_HOSTNAME:   q.example.com\n';
    expect(secretData(bundle({}, text)).get('config.yaml')?.toString()).toBe(text);
    const rendered = secretData(bundle({}, null)).get('config.yaml')?.toString() ?? '';
    expect(parse(rendered)).toEqual({ SERVER_HOSTNAME: 'q.example.com' });
  });

  it('quotes file names that YAML 1.1 (kubectl) would read as booleans or numbers', () => {
    const out = renderK8sSecret(bundle({ yes: 'a', on: 'b', '1.0': 'c', null: 'd' }), { name: 'b' });
    for (const version of ['1.1', '1.2'] as const) {
      const data = (parse(out, { version }) as Manifest).data;
      expect(Object.keys(data).sort()).toEqual(['1.0', 'config.yaml', 'null', 'on', 'yes']);
      expect(Buffer.from(data.yes ?? '', 'base64').toString()).toBe('a');
    }
  });

  it('refuses file names Kubernetes refuses as keys, flattening collisions and data over 1 MiB', () => {
    const attempt = (files: Record<string, string | Buffer>) => {
      try {
        renderK8sSecret(bundle(files), { name: 'b' });
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(K8sSecretError);
        return e as K8sSecretError;
      }
    };
    expect(attempt({ 'my cert.pem': 'x' })).toMatchObject({ kind: 'content', message: expect.stringContaining('bundle file "my cert.pem" cannot be a Secret key') });
    expect(attempt({ 'extra_ca_certs/a.crt': 'x', 'extra_ca_cert_a.crt': 'y' })?.message).toContain('would both be Secret key "extra_ca_cert_a.crt"');
    expect(attempt({ 'big.bin': Buffer.alloc(MAX_SECRET_DATA_BYTES) })?.message).toMatch(/a Kubernetes Secret holds at most 1048576 bytes/);
    expect(attempt({ 'fits.bin': Buffer.alloc(MAX_SECRET_DATA_BYTES - 100) })).toBeNull();
  });

  it('checks the name and namespace', () => {
    expect(() => renderK8sSecret(bundle({}), { name: 'Bad' })).toThrow(/Secret name "Bad"/);
    expect(() => renderK8sSecret(bundle({}), { name: 'ok', namespace: 'Bad' })).toThrow(/namespace "Bad"/);
  });
});

describe('POST /api/v2/bundle/k8s-secret', () => {
  const request = (query: string, body: unknown) =>
    new Request(`https://localhost/api/v2/bundle/k8s-secret${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const jsonBundle = {
    'config.yaml': { SERVER_HOSTNAME: 'q.example.com' },
    certs: { 'ssl.cert': Buffer.from('cert').toString('base64'), 'extra_ca_certs/ca.crt': Buffer.from('ca').toString('base64') },
    originalConfigYaml: '# mine\nSERVER_HOSTNAME: q.example.com\n',
  };

  it('answers the manifest as application/yaml', async () => {
    const res = await POST(request('?name=quay-config-bundle&namespace=quay', jsonBundle));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="quay-config-bundle.yaml"');
    const manifest = parse(await res.text()) as Manifest;
    expect(manifest.metadata).toEqual({ name: 'quay-config-bundle', namespace: 'quay' });
    const data = Object.fromEntries(Object.entries(manifest.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
    expect(data).toEqual({ 'config.yaml': jsonBundle.originalConfigYaml, 'ssl.cert': 'cert', 'extra_ca_cert_ca.crt': 'ca' });
  });

  it.each([
    ['', 400, /query parameter name: is required/],
    ['?name=Bad_Name', 400, /Secret name "Bad_Name"/],
    ['?name=ok&namespace=a.b', 400, /namespace "a.b"/],
  ])('%j → %i', async (query, status, message) => {
    const res = await POST(request(query, jsonBundle));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it('a bundle that cannot be a Secret is a 422; a malformed bundle a 400', async () => {
    const clash = { ...jsonBundle, certs: { 'extra_ca_certs/a.crt': 'eA==', extra_ca_cert_a: 'eA==', 'extra_ca_cert_a.crt': 'eQ==' } };
    const res = await POST(request('?name=ok', clash));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain('would both be Secret key "extra_ca_cert_a.crt"');
    const bad = await POST(request('?name=ok', { certs: {} }));
    expect(bad.status).toBe(400);
  });
});
