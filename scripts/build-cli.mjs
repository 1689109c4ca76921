#!/usr/bin/env node
// Compiles the CLI and server code under lib/ into one bundle (dist/cli/), so `quay-config` starts
// without compiling TypeScript at run time. Run by `npm install` (prepare) and `npm run build`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCli } from './cli-build.mjs';
import { root } from './cli-bundle.cjs';

// The Dockerfile installs dependencies (and so runs prepare) before it copies the sources.
if (!existsSync(path.join(root, 'lib/cli/main.ts'))) {
  console.log('build-cli: no lib/ yet, nothing to build');
} else {
  const { outFile, ms } = await buildCli();
  console.log(`built ${path.relative(root, outFile)} in ${ms} ms`);
}
