import { rmSync } from 'node:fs';
import path from 'node:path';
import { makeTestCerts } from '../../test/harness/certs';
import { makeRunDir } from '../../test/harness/run-dir';
import type { HarnessInfo, ServiceModule, StartedService } from '../../test/harness/types';

/**
 * The harness services the complete config talks to, started the way the vitest global setup
 * starts them (test/harness/global-setup.ts) but without vitest: a fresh run directory and test
 * PKI, every service concurrently on 127.0.0.1, stopped by PID at the end.
 */

/** The service modules (test/harness/services/<name>.ts) the complete config needs. */
export const BENCH_SERVICES = ['postgres', 'redis', 'slapd', 'swift', 'smtp', 'clair', 'elasticsearch', 'oidc', 'oauth'] as const;

export interface RunningServices {
  harness: HarnessInfo;
  /** How long each service took to become ready, in ms. */
  readyMs: Record<string, number>;
  stop(): Promise<void>;
}

export async function startServices(root: string, log: (line: string) => void): Promise<RunningServices> {
  const runDir = makeRunDir('bench');
  const certs = makeTestCerts(runDir);
  const env = { runDir, certs, log: (line: string) => log(`[services] ${line}`) };
  const started = new Map<string, StartedService>();
  const readyMs: Record<string, number> = {};
  const stop = async () => {
    await Promise.allSettled([...started.values()].map((s) => s.stop()));
    rmSync(runDir, { recursive: true, force: true });
  };

  const results = await Promise.allSettled(
    BENCH_SERVICES.map(async (name) => {
      const mod = (await import(path.join(root, 'test/harness/services', `${name}.ts`))) as { service?: ServiceModule };
      if (!mod.service) throw new Error(`test/harness/services/${name}.ts exports no service`);
      const t0 = performance.now();
      started.set(name, await mod.service.start(env));
      readyMs[name] = Math.round(performance.now() - t0);
    }),
  );
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${BENCH_SERVICES[i]}: ${String(r.reason)}`] : []));
  if (failures.length) {
    await stop();
    throw new Error(`services failed to start:\n${failures.join('\n')}`);
  }
  const services = Object.fromEntries([...started].map(([name, s]) => [name, s.info]));
  return { harness: { runDir, certs, services }, readyMs, stop };
}
