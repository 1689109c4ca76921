import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTestCerts } from '../test/harness/certs';
import { makeRunDir } from '../test/harness/run-dir';
import { service as postgres } from '../test/harness/services/postgres';
import { service as redis } from '../test/harness/services/redis';
import type { StartedService } from '../test/harness/types';
import type { E2eServices } from './support/services';

/**
 * Starts the real services the wizard is validated against (the harness modules the integration
 * tests use: PostgreSQL with pg_trgm, Redis with a password) and hands their coordinates to the
 * specs through a JSON file named by QC_E2E_SERVICES. The returned function stops them by PID.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const runDir = makeRunDir('e2e');
  const certs = makeTestCerts(runDir);
  const log = (line: string) => process.stderr.write(`[e2e services] ${line}\n`);
  const started: StartedService[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
    if (!process.env.QC_KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
  };
  try {
    const [pg, rd] = await Promise.all([postgres.start({ runDir, certs, log }), redis.start({ runDir, certs, log })]);
    started.push(pg, rd);
    const info: E2eServices = { runDir, caPem: certs.caPem, postgres: pg.info as E2eServices['postgres'], redis: rd.info as E2eServices['redis'] };
    const file = path.join(runDir, 'e2e-services.json');
    writeFileSync(file, JSON.stringify(info, null, 2));
    process.env.QC_E2E_SERVICES = file;
  } catch (e) {
    await stop();
    throw e;
  }
  return stop;
}
