import type { KnipConfig } from 'knip';

// knip (`npm run lint`, and a counted step of `npm test`): unused files, exports and dependencies.
// Next's app router (app/**/page.tsx, layout.tsx, route.ts, next.config.mjs), vitest (its config,
// global setup and *.test.ts) and Playwright (its config, global setup and e2e/*.spec.ts) are found by
// knip's plugins, as are the package.json bin and scripts; the entries below are those no config names.
const config: KnipConfig = {
  entry: [
    // esbuild's entry for the CLI bundle (scripts/cli-build.mjs), not named in any config knip reads.
    'lib/cli/main.ts',
    // Run with `node scripts/….mjs` by the tests (build-schema/build-releases --check) and by hand.
    'scripts/*.mjs',
    // Required by bin/quay-config.cjs; the tests import it over its file URL (code-cache, prebuilt).
    'scripts/cli-bundle.cjs',
    // `npm run bench` → scripts/bench.mjs → tsx scripts/bench/main.ts; report-rss.cjs is given to `node --require`.
    'scripts/bench/main.ts',
    'scripts/bench/report-rss.cjs',
    // Run by playwright.config.ts's webServer command.
    'e2e/support/ensure-build.mjs',
    // Loaded by test/harness/start.ts with import() over the directory listing: each exports `service`.
    'test/harness/services/*.ts',
  ],
  project: ['**/*.{ts,tsx,mjs,cjs}'],
  // An export its own file uses (a component's props type, a documented limit) is kept: only exports
  // nobody uses at all are reported.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Started as a process: test/harness/services/azurite.ts resolves azurite/dist/src/blob/main.js.
    'azurite',
  ],
};

export default config;
