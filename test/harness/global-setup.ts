import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTestCerts } from './certs';
import { makeRunDir } from './run-dir';
import type { HarnessInfo, ServiceModule, StartedService } from './types';

/**
 * Vitest global setup: makes a fresh run directory and test PKI, starts every service module found
 * in test/harness/services/ concurrently on 127.0.0.1 (free ports, so parallel runs don't clash),
 * provides their info to tests as `inject('harness')`, and stops them all by PID at the end.
 *
 * `QC_SERVICES=redis,postgres` starts only those; `QC_SERVICES=none` starts none (unit tests only).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = makeRunDir('test');
  const certs = makeTestCerts(runDir);
  const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);

  const wanted = (process.env.QC_SERVICES ?? 'all').split(',').map((s) => s.trim());
  const dir = path.join(import.meta.dirname, 'services');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const modules: ServiceModule[] = [];
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { service?: ServiceModule };
    if (mod.service && (wanted.includes('all') || wanted.includes(mod.service.name))) modules.push(mod.service);
  }

  const started = new Map<string, StartedService>();
  const results = await Promise.allSettled(
    modules.map(async (m) => {
      const t0 = Date.now();
      const s = await m.start({ runDir, certs, log });
      started.set(m.name, s);
      log(`${m.name} ready in ${Date.now() - t0} ms`);
    }),
  );
  const stopAll = async () => {
    await Promise.allSettled([...started.values()].map((s) => s.stop()));
    if (!process.env.QC_KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  };
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${modules[i]?.name}: ${String(r.reason)}`] : []));
  if (failures.length) {
    await stopAll();
    throw new Error(`test services failed to start:\n${failures.join('\n')}`);
  }

  const info: HarnessInfo = {
    runDir,
    certs,
    services: Object.fromEntries([...started].map(([name, s]) => [name, s.info])),
  };
  writeFileSync(path.join(runDir, 'harness.json'), JSON.stringify(info, null, 2));
  project.provide('harness', info);
  return stopAll;
}
