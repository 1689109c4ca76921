#!/usr/bin/env node
// Builds the wizard when `.next` is missing or older than the sources, so the end-to-end tests
// never run against a stale build (`quay-config serve` itself only builds when there is none).
// QC_NEXT_DIST (next.config.mjs) names the build directory, so a run can build beside others.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const buildId = path.join(root, process.env.QC_NEXT_DIST || '.next', 'BUILD_ID');

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

const sources = Math.max(...['app', 'components', 'lib', 'schema', 'public'].map((d) => newest(path.join(root, d))), statSync(path.join(root, 'next.config.mjs')).mtimeMs);
if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) process.exit(0);
console.error('[e2e] building the wizard (sources changed since the last build)…');
const next = (...args) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build', ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  }).status;
if (next() === 0) process.exit(0);
// A type error elsewhere in the tree (tsc reports it on its own) should not stop the browser tests
// from running: build again without the type-check step, and say so loudly.
console.error('[e2e] WARNING: `next build` failed; building without its type-check step to run the browser tests.');
if (next('--experimental-build-mode', 'compile') !== 0) process.exit(1);
process.exit(next('--experimental-build-mode', 'generate') ?? 1);
