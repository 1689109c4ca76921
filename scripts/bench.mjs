#!/usr/bin/env node
// `npm run bench`: starts the harness services and the server it needs, measures, prints figures and
// stops everything it started. It asserts nothing (the tests do). The code is TypeScript under
// scripts/bench/, loaded through tsx as bin/quay-config.cjs loads lib/.
//
//   npm run bench                      every figure, (a)–(f)
//   npm run bench -- --only a,b        some of them
import { register } from 'tsx/esm/api';

register();
const { runBench } = await import('./bench/main.ts');
process.exitCode = await runBench(process.argv.slice(2));
