#!/usr/bin/env node
// Compiles the CLI and server code under lib/ into one ESM bundle (dist/cli/), so `quay-config`
// starts without compiling TypeScript at run time. node_modules stay external.
import { buildCli } from './cli-bundle.mjs';

const { outFile, ms } = await buildCli();
console.log(`built ${outFile} in ${ms} ms`);
