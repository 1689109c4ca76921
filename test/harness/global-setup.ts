import type { TestProject } from 'vitest/node';
import { startHarness } from './start';

/**
 * Vitest global setup: starts every service module found in test/harness/services/ (see
 * ./start.ts: fresh run directory and test PKI, free ports on 127.0.0.1, so parallel runs don't
 * clash), provides their info to tests as `inject('harness')`, and stops them all by PID at the end.
 *
 * `QC_SERVICES=redis,postgres` starts only those; `QC_SERVICES=none` starts none (unit tests only).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);
  const harness = await startHarness({ label: 'test', wanted: (process.env.QC_SERVICES ?? 'all').split(','), log });
  project.provide('harness', harness.info);
  return harness.stop;
}
