import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { GET as health } from '../../app/api/v2/health/route';
import { toParsedBundle, serverConfig } from '../../lib/api/bundles';
import { CONFIG_TOOL_SETUP_DEFAULTS, toConfigToolErrors } from '../../lib/api/config-tool';
import { problem } from '../../lib/api/http';
import { inspectCertificates, newClairConfig, newPsk, newSecretKey, newSelfSigned, newServiceKey } from '../../lib/api/keys';
import { validateStream } from '../../lib/api/validate';
import { readBundleFromPath } from '../../lib/bundle/read';
import { openApiDocument } from '../../lib/openapi/document';
import { validateConfig } from '../../lib/validation/run';

/**
 * What the code really answers, checked against the document's component schemas (closed
 * objects): a field added to a response in code but not in the document fails here.
 */
const doc = openApiDocument();
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword('components');
ajv.addSchema({ $id: 'https://quay-config.invalid/openapi.json', components: doc.components });

function expectConforms(name: string, value: unknown): void {
  const validate = ajv.getSchema(`https://quay-config.invalid/openapi.json#/components/schemas/${name}`);
  if (!validate) throw new Error(`no component schema ${name}`);
  const ok = validate(JSON.parse(JSON.stringify(value)));
  expect(validate.errors ?? [], name).toEqual([]);
  expect(ok, name).toBe(true);
}

function post(body: unknown, url = 'https://localhost/api'): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** A small bundle with an invalid config, a CA file and a file outside the bundle layout. */
function bundleDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-openapi-'));
  writeFileSync(path.join(dir, 'config.yaml'), 'SERVER_HOSTNAME: quay.example.com\nDB_URI: mongodb://db/quay\nFEATURE_MAILING: "yes"\nUNKNOWN_KEY: 1\n');
  mkdirSync(path.join(dir, 'extra_ca_certs'));
  writeFileSync(path.join(dir, 'extra_ca_certs', 'ca.crt'), 'not a certificate\n');
  mkdirSync(path.join(dir, 'other'));
  writeFileSync(path.join(dir, 'other', 'notes.txt'), 'left out\n');
  return dir;
}

describe('real answers conform to the documented schemas', () => {
  it('ValidationReport, ConfigToolError and ParsedBundle for an invalid bundle', async () => {
    const bundle = await readBundleFromPath(bundleDir());
    expect(bundle.findings.length).toBeGreaterThan(0);
    const report = await validateConfig({ config: bundle.config, files: bundle.files, loadFindings: bundle.findings }, { mode: 'offline' });
    expect(report.valid).toBe(false);
    expect(report.groups.some((g) => g.status === 'skipped' && g.skippedReason)).toBe(true);
    expectConforms('ValidationReport', report);
    for (const e of toConfigToolErrors(report)) expectConforms('ConfigToolError', e);
    expectConforms('ParsedBundle', toParsedBundle(bundle));
  });

  it('every NDJSON line of the stream is a ValidationEvent', async () => {
    const res = await validateStream(post({ 'config.yaml': { SERVER_HOSTNAME: 'quay.example.com' } }, 'https://localhost/api/v2/validate/stream?mode=offline'));
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    expect(lines[0]?.event).toBe('start');
    expect(lines.at(-1)?.event).toBe('done');
    expect(lines.filter((l) => l.event === 'group').length).toBeGreaterThan(10);
    for (const line of lines) expectConforms('ValidationEvent', line);
  });

  it('server, session-less and error shapes', async () => {
    expectConforms('ServerConfig', await serverConfig());
    expectConforms('ConfigBundle', { 'config.yaml': CONFIG_TOOL_SETUP_DEFAULTS, certs: {} });
    expectConforms('ConfigBundle', { 'config.yaml': {}, certs: { 'ssl.cert': 'Zm9v' }, managedFieldGroups: ['Database'] });
    expectConforms('Health', await health().json());
    expectConforms('Error', await problem(400, 'bad').json());
  });

  it('keys and certificates', async () => {
    expectConforms('PskResponse', newPsk());
    expectConforms('SecretKeyResponse', newSecretKey());
    expectConforms('ServiceKeyResponse', await newServiceKey(post({ name: 'scanner', expiration: '2099-01-01T00:00:00Z' })));
    expectConforms('ServiceKeyResponse', await newServiceKey(post({})));
    const selfSigned = await newSelfSigned(post({ hostname: 'quay.example.com', ips: ['10.0.0.1'] }));
    expectConforms('SelfSignedResponse', selfSigned);
    expectConforms('ClairConfigResponse', await newClairConfig(post({ psk: newPsk().psk })));
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    const infos = await inspectCertificates(post({ certs: { 'ssl.cert': b64(selfSigned.certPem), 'ssl.key': b64(selfSigned.keyPem), 'bad.crt': b64('x') } }));
    expect(infos.some((i) => i.keyMatches === true) && infos.some((i) => i.error)).toBe(true);
    for (const info of infos) expectConforms('CertificateInfo', info);
  });

  it('request schemas accept what the routes accept and reject what they refuse', () => {
    expectConforms('SelfSignedRequest', { hostname: 'quay.example.com:8443', ips: ['10.0.0.1', '::1'] });
    const validate = ajv.getSchema('https://quay-config.invalid/openapi.json#/components/schemas/SelfSignedRequest');
    expect(validate?.({ hostname: 'q', ips: ['not-an-ip'] })).toBe(false);
    expect(validate?.({ hostname: 'q', extra: 1 })).toBe(false);
  });
});
