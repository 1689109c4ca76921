import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../../test/harness/scenarios';
import { validateConfig } from '../../validation/run';
import type { Finding, GroupReport } from '../../report/types';

const h = inject('harness');
const es = h.services.elasticsearch as {
  httpPort: number;
  httpsPort: number;
  wrongHostHttpsPort: number;
  user: string;
  password: string;
  region: string;
  sigv4AccessKey: string;
  sigv4SecretKey: string;
};
const withCa = new Map([['extra_ca_certs/test-ca.crt', new TextEncoder().encode(h.certs.caPem)]]);
const ES = 'LOGS_MODEL_CONFIG.elasticsearch_config';

let hanging: HangingServer;
beforeAll(async () => {
  hanging = await startHangingServer();
});
afterAll(async () => {
  await hanging.close();
});

type EsConfig = Record<string, unknown>;
const basicHttps = (over: EsConfig = {}): EsConfig => ({ host: 'localhost', port: es.httpsPort, access_key: es.user, secret_key: es.password, ...over });
const sigv4 = (over: EsConfig = {}): EsConfig => ({
  host: 'localhost',
  port: es.httpsPort,
  access_key: es.sigv4AccessKey,
  secret_key: es.sigv4SecretKey,
  aws_region: es.region,
  ...over,
});

async function check(esConfig: EsConfig, opts: { model?: string; files?: ReadonlyMap<string, Uint8Array> } = {}): Promise<GroupReport> {
  const config = { LOGS_MODEL: opts.model ?? 'elasticsearch', LOGS_MODEL_CONFIG: { producer: 'elasticsearch', elasticsearch_config: esConfig } };
  const report = await validateConfig({ config, files: opts.files ?? withCa }, { mode: 'online', groups: ['ElasticSearch'], timeoutMs: 2000 });
  const text = JSON.stringify(report);
  for (const secret of [es.password, es.sigv4SecretKey, 'wrong-password-value']) expect(text).not.toContain(secret);
  const group = report.groups.find((g) => g.group === 'ElasticSearch');
  if (!group) throw new Error('no ElasticSearch report');
  return group;
}

const brief = (f: Finding) => ({ code: f.code, severity: f.severity, stage: f.stage, fields: f.fields });

describe('ElasticSearch online against the fake cluster', () => {
  it('basic auth over HTTPS (use_ssl default true, bundle CA) passes', async () => {
    const g = await check(basicHttps());
    expect(g.findings).toEqual([]);
    expect(g.status).toBe('ok');
  });

  it('AWS SigV4 (access_key + secret_key + aws_region) passes, signature verified by the server', async () => {
    const g = await check(sigv4());
    expect(g.findings).toEqual([]);
  });

  it('use_ssl: false talks plain HTTP (config-tool forced https, quay/quay#6477), with a clear-text warning', async () => {
    const g = await check(basicHttps({ port: es.httpPort, use_ssl: false }));
    expect(g.findings.map(brief)).toEqual([{ code: 'plaintext-credentials', severity: 'warning', stage: 'config', fields: [`${ES}.use_ssl`, `${ES}.secret_key`] }]);
  });

  it('transition_reads_both_writes_es is validated too (config-tool skipped it)', async () => {
    const g = await check(basicHttps({ secret_key: 'wrong-password-value' }), { model: 'transition_reads_both_writes_es' });
    expect(g.status).toBe('error');
    expect(g.findings.map((f) => f.code)).toEqual(['auth-failed']);
  });

  it.each([
    ['a wrong basic-auth password', basicHttps({ secret_key: 'wrong-password-value' }), [`${ES}.access_key`, `${ES}.secret_key`, ES]],
    ['a wrong SigV4 secret', sigv4({ secret_key: 'wrong-password-value' }), [`${ES}.access_key`, `${ES}.secret_key`, `${ES}.aws_region`, ES]],
    ['a SigV4 signature for the wrong region', sigv4({ aws_region: 'us-west-2' }), [`${ES}.access_key`, `${ES}.secret_key`, `${ES}.aws_region`, ES]],
  ])('%s fails at the auth stage', async (_what, cfg, fields) => {
    const g = await check(cfg);
    expect(g.findings.map(brief)).toEqual([{ code: 'auth-failed', severity: 'error', stage: 'auth', fields }]);
  });

  it('an index prefix the user may not read is a semantic error on index_prefix', async () => {
    const g = await check(basicHttps({ index_prefix: 'forbidden_' }));
    expect(g.findings.map(brief)).toEqual([{ code: 'index-denied', severity: 'error', stage: 'semantic', fields: [`${ES}.index_prefix`, ES] }]);
  });

  it('without the CA in the bundle: TLS stage, untrusted', async () => {
    const g = await check(basicHttps(), { files: new Map() });
    expect(g.findings.map(brief)).toEqual([{ code: 'tls-untrusted', severity: 'error', stage: 'tls', fields: [`${ES}.host`, `${ES}.port`, ES] }]);
  });

  it('a certificate for another host: TLS stage, hostname mismatch', async () => {
    const g = await check(basicHttps({ port: es.wrongHostHttpsPort }));
    expect(g.findings.map((f) => [f.code, f.stage])).toEqual([['tls-hostname-mismatch', 'tls']]);
  });

  it('use_ssl true against the plain HTTP port fails at the TLS stage', async () => {
    const g = await check(basicHttps({ port: es.httpPort }));
    expect(g.findings.map((f) => f.stage)).toEqual(['tls']);
  });

  it('a closed port fails at the TCP stage (config-tool crashed here)', async () => {
    const g = await check(basicHttps({ port: await closedPort() }));
    expect(g.findings.map(brief)).toEqual([{ code: 'connection-refused', severity: 'error', stage: 'tcp', fields: [`${ES}.host`, `${ES}.port`, ES] }]);
  });

  it('a server that never answers times out at the TLS stage (https) and after sending the request (http)', async () => {
    const tlsHang = await check(basicHttps({ port: hanging.port }));
    expect(tlsHang.findings.map((f) => [f.code, f.stage])).toEqual([['timeout', 'tls']]);
    const httpHang = await check(basicHttps({ port: hanging.port, use_ssl: false }));
    expect(httpHang.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.stage])).toEqual([['timeout', 'semantic']]);
  });
});
