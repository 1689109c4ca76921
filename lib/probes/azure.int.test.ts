import { createHmac } from 'node:crypto';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { azuriteInfo } from '../../test/harness/services/azurite';
import { validateConfig } from '../validation/run';
import type { Finding } from '../report/types';

/** AzureStorage's live check against Azurite (test/harness/services/azurite.ts), which checks signatures. */

const h = inject('harness');
const az = azuriteInfo.parse(h.services.azurite);
const withCa = new Map([['extra_ca_certs/test-ca.crt', new Uint8Array(Buffer.from(h.certs.caPem))]]);
const LOC = 'DISTRIBUTED_STORAGE_CONFIG.az';
const p = (key: string) => `${LOC}[1].${key}`;

function config(params: Record<string, unknown>): Record<string, unknown> {
  return {
    DISTRIBUTED_STORAGE_CONFIG: {
      az: ['AzureStorage', { azure_container: az.container, storage_path: '/registry', azure_account_name: az.account, azure_account_key: az.accountKey, endpoint_url: az.blobEndpoint, ...params }],
    },
    DISTRIBUTED_STORAGE_PREFERENCE: ['az'],
  };
}

async function check(cfg: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array> = withCa, timeoutMs = 3000): Promise<Finding[]> {
  const report = await validateConfig({ config: cfg, files }, { mode: 'online', groups: ['DistributedStorage'], timeoutMs });
  const json = JSON.stringify(report);
  expect(json).not.toContain(az.accountKey);
  expect(json).not.toMatch(/sig=/);
  return report.groups.find((g) => g.group === 'DistributedStorage')?.findings ?? [];
}
const brief = (fs: Finding[]) => fs.map(({ code, stage, fields }) => [code, stage, fields]);

/** An account SAS (Blob service, version 2020-12-06 and later string-to-sign), as the portal makes one. */
function accountSas(permissions: string, key = az.accountKey): string {
  const expiry = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const v = { sv: '2021-08-06', ss: 'b', srt: 'sco', sp: permissions, se: expiry, spr: 'https' };
  const toSign = [az.account, v.sp, v.ss, v.srt, '', v.se, '', v.spr, v.sv, '', ''].join('\n');
  const sig = createHmac('sha256', Buffer.from(key, 'base64')).update(toSign, 'utf8').digest('base64');
  return new URLSearchParams({ ...v, sig }).toString();
}

/** Blob names in the container, listed with the account SAS (not with the probe's own signing). */
async function listBlobs(): Promise<string[]> {
  const url = `${az.blobEndpoint}/${az.container}?restype=container&comp=list&${accountSas('rl')}`;
  const body = await new Promise<string>((resolve, reject) => {
    https
      .get(url, { ca: h.certs.caPem, headers: { 'x-ms-version': '2021-08-06' } }, (res) => {
        let s = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (s += c));
        res.on('end', () => (res.statusCode === 200 ? resolve(s) : reject(new Error(`list blobs: HTTP ${res.statusCode} ${s}`))));
      })
      .on('error', reject);
  });
  return [...body.matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => m[1] ?? '');
}

let hanging: HangingServer;
beforeAll(async () => {
  hanging = await startHangingServer();
});
afterAll(async () => {
  await hanging.close();
});

describe('AzureStorage probe against Azurite', () => {
  it('accepts the right account key, writes under storage_path and leaves nothing behind', async () => {
    expect(await listBlobs()).toEqual([]);
    expect(brief(await check(config({})))).toEqual([]);
    expect(await listBlobs()).toEqual([]);
  });

  it('reports a wrong account key at the auth stage, on the account name and key', async () => {
    const fs = await check(config({ azure_account_key: Buffer.from('not the key of this account').toString('base64') }));
    expect(brief(fs)).toEqual([['auth-failed', 'auth', [p('azure_account_name'), p('azure_account_key'), LOC]]]);
    expect(fs[0]?.message).toContain('rejected the account key');
  });

  it('reports a missing container as a semantic error on azure_container', async () => {
    const fs = await check(config({ azure_container: 'no-such-container' }));
    expect(brief(fs)).toEqual([['container-missing', 'semantic', [p('azure_container'), LOC]]]);
    expect(fs[0]?.message).toContain('"no-such-container" does not exist');
  });

  it('reports the TLS stage when the endpoint certificate is not trusted (no CA in the bundle)', async () => {
    expect(brief(await check(config({}), new Map()))).toEqual([['tls-untrusted', 'tls', [p('endpoint_url'), LOC]]]);
  });

  it('authorises with a SAS in endpoint_url (no account key) that may read, write and delete', async () => {
    expect(brief(await check(config({ azure_account_key: undefined, endpoint_url: `${az.blobEndpoint}?${accountSas('rwdlac')}` })))).toEqual([]);
    expect(await listBlobs()).toEqual([]);
  });

  it('reports a read-only SAS as unable to write, on the SAS-bearing endpoint_url', async () => {
    const fs = await check(config({ azure_account_key: undefined, endpoint_url: `${az.blobEndpoint}?${accountSas('rl')}` }));
    expect(brief(fs)).toEqual([['write-denied', 'semantic', [p('azure_account_name'), p('endpoint_url'), LOC]]]);
  });
});

describe('AzureStorage probe: unreachable endpoints', () => {
  it('closed port → tcp, on endpoint_url and the location', async () => {
    const fs = await check(config({ endpoint_url: `http://127.0.0.1:${await closedPort()}/${az.account}` }));
    expect(brief(fs)).toEqual([['connection-refused', 'tcp', [p('endpoint_url'), LOC]]]);
  });

  it('hanging server over https → timeout at the TLS stage', async () => {
    const before = hanging.accepted();
    const fs = await check(config({ endpoint_url: `https://127.0.0.1:${hanging.port}/${az.account}` }), withCa, 1000);
    expect(brief(fs).map(([code, stage]) => [code, stage])).toEqual([['timeout', 'tls']]);
    expect(hanging.accepted()).toBeGreaterThan(before);
  });
});
