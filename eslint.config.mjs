// ESLint over the whole project (`npm run lint`, and a counted step of `npm test`): typescript-eslint's
// recommended rules (not the type-checked set: they would need the TypeScript program and take minutes,
// and `tsc --noEmit` already checks types), the two React hook rules that catch real bugs, and the
// layering of ARCHITECTURE.md (`app → components → lib`, never back).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import that leaves the importing layer upwards: `@/app/…`, `@/components/…`, or a relative path out to them. */
const upwards = (...dirs) => `^(@/|(\\.\\./)+)(${dirs.join('|')})(/|$)`;

export default defineConfig(
  // Generated or copied, not written here: build outputs (next build, scripts/build-cli.mjs → dist/cli),
  // test and Playwright outputs, and Quay's upstream schema files.
  globalIgnores(['.next/', '.next-*/', 'out/', 'dist/', 'coverage/', '.run/', 'e2e/output/', 'test-results/', 'playwright-report/', 'schema/upstream/', 'next-env.d.ts']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The wizard runs in the browser. Only rules-of-hooks and exhaustive-deps of the plugin: the
    // React Compiler rules of its `recommended` set judge code written for a compiler this app does not use.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A CommonJS file (scripts/bench/report-rss.cjs, preloaded with `node --require`) has only require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['lib/**'],
    // A test beside a lib module may drive the route handler that serves it (lib/api/operator.test.ts,
    // lib/k8s/secret.test.ts); the layering is about what lib/ code ships, and tests ship nowhere.
    ignores: ['lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: upwards('app', 'components'), message: 'lib/ never imports from app/ or components/ (ARCHITECTURE.md).' }],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: upwards('app'), message: 'components/ never imports from app/ (app → components → lib).' }] }],
    },
  },
);
