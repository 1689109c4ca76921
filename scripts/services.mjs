#!/usr/bin/env node
// `npm run services`: starts the test harness services (test/harness/services/) on 127.0.0.1 for
// manual use, as the test suite starts them, prints how to reach each one, and stops them all on
// Ctrl-C (or SIGTERM). The harness is TypeScript, loaded through tsx as bin/quay-config.cjs loads lib/.
//
//   npm run services                       every service
//   npm run services -- redis,postgres     only those (also: QC_SERVICES=redis,postgres)
//   QC_KEEP_RUN_DIR=1 npm run services     keep the run directory (data, logs) after stopping
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const arg = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('-'))
  .join(',');
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('usage: npm run services [-- NAME,NAME]   (names: the files of test/harness/services/)');
  process.exit(0);
}
const wanted = (arg || process.env.QC_SERVICES || 'all').split(',');

// As npm test does: the Debian packages behind PostgreSQL, MariaDB, Redis, slapd and Swift.
if (spawnSync('bash', [path.join(root, 'scripts/install-deps.sh')], { stdio: 'inherit' }).status !== 0) process.exit(1);

register();
const { startHarness } = await import('../test/harness/start.ts');
const log = (line) => process.stderr.write(`[services] ${line}\n`);

let harness;
try {
  harness = await startHarness({ label: 'services', wanted, log });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

const { info } = harness;
console.log(`\nrun directory  ${info.runDir}   (everything below also in ${path.join(info.runDir, 'harness.json')})`);
console.log(`test CA        ${info.certs.caPath}   (signs the services' certificate for localhost, 127.0.0.1, ::1)`);
for (const [name, data] of Object.entries(info.services)) console.log(`${name.padEnd(14)} ${JSON.stringify(data)}`);
console.log(`\n${Object.keys(info.services).length} services running; Ctrl-C stops them.`);

let stopping = false;
const stop = async (signal) => {
  // A second Ctrl-C while stopping: give up waiting (every daemon is a child, it gets the signal too).
  if (stopping) process.exit(130);
  stopping = true;
  log(`${signal}: stopping`);
  await harness.stop();
  log('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
// Keep the process alive until a signal arrives (the in-process servers alone may be unref'd).
setInterval(() => {}, 1 << 30);
