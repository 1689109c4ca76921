#!/usr/bin/env node
// Entry point of the `quay-config` command. The code is TypeScript under lib/: it runs from the
// precompiled bundle dist/cli/ (built by `npm run build`, or here when missing or older than the
// sources), and through tsx only when the bundle cannot be written (a read-only install).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, bundleIsFresh, outFile, root } from '../scripts/cli-bundle.mjs';

const args = process.argv.slice(2);
// The server finds the built wizard (.next) relative to the package, wherever the code runs from.
process.env.QUAY_CONFIG_APP_DIR ??= root;

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

let main;
let fresh = bundleIsFresh();
if (!fresh) {
  try {
    await buildCli();
    fresh = true;
  } catch {
    fresh = false; // e.g. read-only directory: fall back to compiling on the fly
  }
}
if (fresh) {
  ({ main } = await import(pathToFileURL(outFile).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../lib/cli/main.ts'));
}
process.exitCode = await main(args);
