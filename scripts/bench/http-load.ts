import type { AppServer } from '../../test/harness/app-server';
import { percentile, since } from './stats';

/** Figure (c): offline validations through `POST /api/v2/validate`, a fixed number of requests at a fixed concurrency. */

export interface LoadFigures {
  requests: number;
  concurrency: number;
  wallMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
  /** Answers that were not `200` with a valid report. */
  failures: number;
  firstFailure?: string;
}

export async function benchOfflineValidateLoad(server: AppServer, body: string, opts: { requests: number; concurrency: number; warmup: number }): Promise<LoadFigures> {
  const agent = server.agent({ maxSockets: opts.concurrency });
  const headers = { 'content-type': 'application/json' };
  let failures = 0;
  let firstFailure: string | undefined;
  const one = async (): Promise<number> => {
    const t0 = performance.now();
    const res = await server.request('POST', '/api/v2/validate?mode=offline', { body, headers, agent, timeoutMs: 60_000 });
    const ms = since(t0);
    const valid = res.status === 200 && (JSON.parse(res.text) as { valid?: unknown }).valid === true;
    if (!valid) {
      failures++;
      firstFailure ??= `HTTP ${res.status}: ${res.text.slice(0, 300)}`;
    }
    return ms;
  };
  /** `count` requests through `concurrency` workers, each sending the next as soon as it has an answer. */
  const drive = async (count: number): Promise<number[]> => {
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        latencies.push(await one());
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    return latencies;
  };
  try {
    await drive(opts.warmup);
    failures = 0;
    firstFailure = undefined;
    const t0 = performance.now();
    const latencies = await drive(opts.requests);
    const wallMs = since(t0);
    return {
      requests: opts.requests,
      concurrency: opts.concurrency,
      wallMs,
      perSecond: (opts.requests / wallMs) * 1000,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: percentile(latencies, 100),
      failures,
      ...(firstFailure ? { firstFailure } : {}),
    };
  } finally {
    agent.destroy();
  }
}
