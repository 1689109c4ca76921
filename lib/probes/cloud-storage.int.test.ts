import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import type { ProbeContext } from './context';
import { DEFAULT_ENDPOINTS } from './context';
import { assumeRole } from './aws-sts';
import { probeGcsStorage } from './gcs';

/**
 * Google Cloud Storage and STS cannot be run here: their live checks are tested against a closed
 * port and a server that never answers (signatures are unit-tested against published examples).
 * Azure runs against Azurite: azure.int.test.ts.
 */
let hanging: HangingServer;
beforeAll(async () => {
  hanging = await startHangingServer();
});
afterAll(async () => {
  await hanging.close();
});

function probeContext(timeoutMs: number): { ctx: ProbeContext; stages: string[]; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const stages: string[] = [];
  return {
    ctx: { signal: controller.signal, timeoutMs, files: new Map(), extraCAs: [], enter: (s) => stages.push(s), endpoints: DEFAULT_ENDPOINTS },
    stages,
    done: () => clearTimeout(timer),
  };
}

const gcsTarget = (endpoint: string) => ({
  label: 'storage location "gcs"',
  bucket: 'quay',
  key: 'registry/probe',
  accessKey: 'GOOGEXAMPLE',
  secretKey: 'gcs-secret-value',
  endpoint,
  fields: { location: 'DISTRIBUTED_STORAGE_CONFIG.gcs', endpoint: [], bucket: ['DISTRIBUTED_STORAGE_CONFIG.gcs[1].bucket_name'], credentials: [] },
});

describe('GoogleCloudStorage probe (endpoint overridden for the test)', () => {
  it('closed port → tcp', async () => {
    const { ctx, done } = probeContext(2000);
    const out = await probeGcsStorage(gcsTarget(`https://127.0.0.1:${await closedPort()}`), ctx);
    done();
    expect(out.map((f) => [f.code, f.stage, f.fields])).toEqual([['connection-refused', 'tcp', ['DISTRIBUTED_STORAGE_CONFIG.gcs']]]);
  });

  it('hanging server → timeout at the TLS stage, within the deadline', async () => {
    const { ctx, done } = probeContext(1000);
    const out = await probeGcsStorage(gcsTarget(`https://127.0.0.1:${hanging.port}`), ctx);
    done();
    expect(out.map((f) => [f.code, f.stage])).toEqual([['timeout', 'tls']]);
  });
});

describe('STS AssumeRole (endpoint overridden for the test)', () => {
  const req = (endpoint: string) => ({
    label: 'storage location "sts"',
    roleArn: 'arn:aws:iam::123456789012:role/quay',
    user: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'sts-secret-value' },
    userFields: ['K'],
    roleFields: ['R'],
    endpoint,
  });

  it('closed port → tcp finding on the user keys', async () => {
    const { ctx, done } = probeContext(2000);
    const out = await assumeRole(req(`https://127.0.0.1:${await closedPort()}/`), ctx);
    done();
    expect(Array.isArray(out) && out.map((f) => [f.code, f.stage, f.fields])).toEqual([['connection-refused', 'tcp', ['K']]]);
  });

  it('hanging → timeout at TLS', async () => {
    const { ctx, done } = probeContext(1000);
    const out = await assumeRole(req(`https://127.0.0.1:${hanging.port}/`), ctx);
    done();
    expect(Array.isArray(out) && out.map((f) => [f.code, f.stage])).toEqual([['timeout', 'tls']]);
  });
});
