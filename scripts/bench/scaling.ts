import { generateCa } from '../../lib/keys/tls-certificates';
import type { ConfigMap } from '../../lib/config/values';
import { validateConfig } from '../../lib/validation/run';
import type { AppServer } from '../../test/harness/app-server';
import type { CompleteBundle } from '../../test/harness/complete-config';
import { toJsonBundle } from '../../test/harness/complete-config';
import { since, summarize, type Summary } from './stats';

/**
 * Figure (h): what a validation costs as the config grows (issue 11: 1,000 unknown keys took 208 ms
 * and 5,000 took 1.49 s through the API, superlinear). Each case is the complete config plus N of
 * something; the cost per added item should not grow with N.
 */

export interface ScalingCase {
  label: string;
  /** How many items were added to the complete config. */
  added: number;
  summary: Summary;
}

export interface ScalingFigures {
  base: Summary;
  cases: ScalingCase[];
}

type Grow = (bundle: Pick<CompleteBundle, 'config' | 'files'>, n: number) => Pick<CompleteBundle, 'config' | 'files'>;

const unknownKeys: Grow = (b, n) => {
  const config: ConfigMap = { ...b.config };
  for (let i = 0; i < n; i++) config[`UNKNOWN_SETTING_${i}`] = i;
  return { config, files: b.files };
};

const storageLocations: Grow = (b, n) => {
  const storage: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    storage[`site${i}`] = ['S3Storage', { host: `s3-${i}.example.com`, s3_access_key: 'key', s3_secret_key: 'secret', s3_bucket: 'quay', storage_path: '/registry' }];
  }
  const ids = Object.keys(storage);
  return {
    config: {
      ...b.config,
      DISTRIBUTED_STORAGE_CONFIG: storage,
      DISTRIBUTED_STORAGE_PREFERENCE: ids,
      DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: ids.slice(0, 1),
      USERFILES_LOCATION: 'site0',
      LOG_ARCHIVE_LOCATION: 'site0',
      ACTION_LOG_ARCHIVE_LOCATION: 'site0',
    },
    files: b.files,
  };
};

/** Distinct CAs (an RSA key each), made once per bench run. */
let caPems: string[] = [];
const caFiles: Grow = (b, n) => {
  while (caPems.length < n) caPems = [...caPems, generateCa({ commonName: `Bench CA ${caPems.length}` }).certPem];
  const files = new Map(b.files);
  for (let i = 0; i < n; i++) files.set(`extra_ca_certs/bench-ca-${i}.crt`, Buffer.from(caPems[i] as string));
  return { config: b.config, files };
};

export const SCALING_PLAN: Array<{ label: string; grow: Grow; sizes: number[] }> = [
  { label: 'unknown keys', grow: unknownKeys, sizes: [1, 1000, 5000] },
  { label: 'storage locations', grow: storageLocations, sizes: [100] },
  { label: 'CA files', grow: caFiles, sizes: [50] },
];

async function timed(runs: number, once: () => Promise<unknown>): Promise<Summary> {
  await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    samples.push(since(t0));
  }
  return summarize(samples);
}

/** Offline validations in process, `runs` of each case after a warm-up. */
export async function benchScaling(bundle: CompleteBundle, runs: number): Promise<ScalingFigures> {
  const validate = (b: Pick<CompleteBundle, 'config' | 'files'>) => () => validateConfig({ config: b.config, files: b.files }, { mode: 'offline' });
  const base = await timed(runs, validate(bundle));
  const cases: ScalingCase[] = [];
  for (const { label, grow, sizes } of SCALING_PLAN) {
    for (const n of sizes) cases.push({ label: `${n} ${label}`, added: n, summary: await timed(runs, validate(grow(bundle, n))) });
  }
  return { base, cases };
}

/** The unknown-key cases through `POST /api/v2/validate?mode=offline`, as issue 11 measured them. */
export async function benchScalingApi(server: AppServer, bundle: CompleteBundle, runs: number): Promise<ScalingFigures> {
  const post = (b: Pick<CompleteBundle, 'config' | 'files'>) => {
    const body = JSON.stringify(toJsonBundle(b));
    return async () => {
      const res = await server.request('POST', '/api/v2/validate?mode=offline', { body, headers: { 'content-type': 'application/json' }, timeoutMs: 60_000 });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
    };
  };
  const base = await timed(runs, post(bundle));
  const cases: ScalingCase[] = [];
  for (const n of [1000, 5000]) cases.push({ label: `${n} unknown keys`, added: n, summary: await timed(runs, post(unknownKeys(bundle, n))) });
  return { base, cases };
}

/** `+0.012 ms per item` style: the cost each added item brings, from the medians. */
export function perItem(base: Summary, c: ScalingCase): string {
  if (c.added < 100) return 'about the complete config alone'; // a difference within the noise
  const us = ((c.summary.median - base.median) / c.added) * 1000;
  return `${us >= 0 ? '+' : ''}${us.toFixed(us < 10 && us > -10 ? 1 : 0)} µs per item`;
}
