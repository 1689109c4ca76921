#!/usr/bin/env node
// Entry point of the `quay-config` command. The code is TypeScript under lib/: it runs from the
// prebuilt bundle dist/cli/ (made by `npm install` or `npm run build`; rebuilt here when older than
// the sources), and through tsx only when the bundle cannot be written (a read-only install).
// CommonJS, not an ES module: Node then never starts its ES module loader (≈4 ms at every command).
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { bundleIsFresh, loadCli, root, useShortLivedFlags } = require('../scripts/cli-bundle.cjs');

async function run(args) {
  // The server finds the built wizard (.next) relative to the package, wherever the code runs from.
  process.env.QUAY_CONFIG_APP_DIR ??= root;

  // `serve` needs the built wizard: build it once on a fresh checkout.
  if (args[0] === 'serve' && !existsSync(path.join(root, process.env.QC_NEXT_DIST || '.next', 'BUILD_ID'))) {
    console.log('Building the wizard (first start only)…');
    const { spawnSync } = require('node:child_process');
    const built = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (built.status !== 0) return built.status ?? 1;
  }

  // validate, generate, bundle: a fraction of a second, for which V8's optimising compiler only costs (issue 11).
  if (args[0] !== 'serve') useShortLivedFlags();

  if (!bundleIsFresh() && !(await rebuilt())) {
    const { register } = await import('tsx/esm/api');
    register();
    const { main } = await import('../lib/cli/main.ts');
    return main(args);
  }
  const cli = loadCli();
  const code = await cli.exports.main(args);
  // After a Node upgrade the build's code cache no longer fits: make one for the next start. The
  // first valid online validation also stores what its probes compiled past the handshakes.
  cli.saveCaches(false, { refresh: args[0] === 'validate' && code === 0 && cli.probeLibsLoaded() });
  return code;
}

/** Builds dist/cli/ anew; false when it cannot be written (e.g. a read-only directory: tsx then compiles on the fly). */
async function rebuilt() {
  try {
    const { buildCli } = await import('../scripts/cli-build.mjs');
    await buildCli();
    return true;
  } catch {
    return false;
  }
}

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
