import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTestCerts } from './certs';
import { makeRunDir } from './run-dir';
import type { HarnessInfo, ServiceModule, StartedService } from './types';

/**
 * Starts harness services outside and inside vitest (its global setup, `npm run services`): a fresh
 * run directory and test PKI, the chosen modules of test/harness/services/ concurrently on
 * 127.0.0.1, and one `stop()` that stops them all by PID and removes the run directory.
 */

export interface StartedHarness {
  info: HarnessInfo;
  /** How long each service took to become ready, in ms. */
  readyMs: Record<string, number>;
  stop(): Promise<void>;
}

const SERVICES_DIR = path.join(import.meta.dirname, 'services');

/** Every service module in test/harness/services/, by name. */
export async function serviceModules(): Promise<Map<string, ServiceModule>> {
  const files = readdirSync(SERVICES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const out = new Map<string, ServiceModule>();
  for (const f of files.sort()) {
    const mod = (await import(pathToFileURL(path.join(SERVICES_DIR, f)).href)) as { service?: ServiceModule };
    if (mod.service) out.set(mod.service.name, mod.service);
  }
  return out;
}

/**
 * Starts the services named in `wanted` (`all` for every one, `none` for none); an unknown name is
 * an error. If any fails to start, the others are stopped and the error lists every failure.
 */
export async function startHarness(opts: { label: string; wanted: string[]; log: (line: string) => void }): Promise<StartedHarness> {
  const all = await serviceModules();
  const wanted = opts.wanted.map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => w !== 'all' && w !== 'none' && !all.has(w));
  if (unknown.length) throw new Error(`unknown harness service ${unknown.join(', ')} (known: ${[...all.keys()].join(', ')})`);
  const modules = [...all.values()].filter((m) => wanted.includes('all') || wanted.includes(m.name));

  const runDir = makeRunDir(opts.label);
  const certs = makeTestCerts(runDir);
  const started = new Map<string, StartedService>();
  const readyMs: Record<string, number> = {};
  const results = await Promise.allSettled(
    modules.map(async (m) => {
      const t0 = Date.now();
      started.set(m.name, await m.start({ runDir, certs, log: opts.log }));
      readyMs[m.name] = Date.now() - t0;
      opts.log(`${m.name} ready in ${readyMs[m.name]} ms`);
    }),
  );
  const stop = async () => {
    await Promise.allSettled([...started.values()].map((s) => s.stop()));
    if (!process.env.QC_KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  };
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${modules[i]?.name}: ${String(r.reason)}`] : []));
  if (failures.length) {
    await stop();
    throw new Error(`test services failed to start:\n${failures.join('\n')}`);
  }

  const info: HarnessInfo = {
    runDir,
    certs,
    services: Object.fromEntries([...started].map(([name, s]) => [name, s.info])),
  };
  writeFileSync(path.join(runDir, 'harness.json'), JSON.stringify(info, null, 2));
  return { info, readyMs, stop };
}
