#!/usr/bin/env node
// Entry point of the `quay-config` command. The code is TypeScript under lib/, loaded through tsx.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

// `serve` needs the built wizard: build it once on a fresh checkout.
if (args[0] === 'serve' && !existsSync(path.join(root, process.env.QC_NEXT_DIST || '.next', 'BUILD_ID'))) {
  console.log('Building the wizard (first start only)…');
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(args);
