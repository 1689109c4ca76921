#!/usr/bin/env node
// `npm test`: installs what the tests need, runs the unit + integration suite (vitest, real services
// started by its global setup) and the end-to-end suite (Playwright + Debian Chromium), then prints
// one closing line `N passed, N failed` over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NODE_LTS_VERSION, nodeLts } from './node-lts.mjs';

const root = path.resolve(import.meta.dirname, '..');
const runDir = path.join(root, '.run');
mkdirSync(runDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const run = (cmd, args, extra = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extra } }).status ?? 1;

if (run('bash', ['scripts/install-deps.sh']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const step = (name, ok) => {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
};

// 0. Types over the whole project (tests included), lint, formatting and unused code (`npm run lint`),
// then one production build that the API, reliability and end-to-end suites all serve (built here
// once, so parallel tests never race).
step('typecheck (tsc --noEmit)', run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']) === 0);
step('lint (eslint .)', run(process.execPath, ['node_modules/eslint/bin/eslint.js', '.']) === 0);
step('format (prettier --check .)', run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']) === 0);
step('unused code and dependencies (knip)', run(process.execPath, ['node_modules/knip/bin/knip.js']) === 0);
const built = step('next build', run(process.execPath, ['node_modules/next/dist/bin/next', 'build']) === 0);

// 1. Unit and integration tests, on Node 22 LTS (what the Dockerfile ships); the e2e suite below
// serves the wizard on the machine's own Node, as `npm start` does.
const lts = nodeLts(runDir);
step(`Node ${NODE_LTS_VERSION} for the unit and integration tests${lts.error ? `: ${lts.error}` : ''}`, !lts.error);
const vitestJson = path.join(runDir, 'vitest.json');
const vitestStatus = run(lts.node ?? process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(r);
} else if (vitestStatus !== 0) {
  failed += 1;
}

// 2. End-to-end tests, when there are any.
const e2eDir = path.join(root, 'e2e');
const specs = existsSync(e2eDir) ? readdirSync(e2eDir).filter((f) => f.endsWith('.spec.ts')) : [];
if (specs.length > 0 && built) {
  const pwJson = path.join(runDir, 'playwright.json');
  const status = run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
  }
  if (status !== 0 && !existsSync(pwJson)) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || (vitestStatus !== 0 && failed === 0 && passed === 0) ? 1 : 0);

// A suite that failed to load counts once; suites whose tests failed are already counted per test.
function countSuitesWithFailedTests(report) {
  return (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).some((a) => a.status === 'failed')).length;
}
