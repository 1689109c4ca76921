import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * When the CLI writes a bundle's code cache (scripts/cli-bundle.cjs): when there is none or V8
 * refused it, and once per build after a valid online validation (`refresh`), so that the probes'
 * paths past the handshakes are cached too (issue 11); never on every run.
 */

interface Loaded {
  exports: { answer: number };
  saveCache(force?: boolean, refresh?: boolean): boolean;
}
const bundle = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/cli-bundle.cjs')).href)) as {
  loadBundle(file: string, dynamicImport: (s: string) => Promise<unknown>): Loaded;
  cacheFileOf(file: string, buildId: string): string;
  MODULE_WRAPPER: [string, string];
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'tiny.cjs');
writeFileSync(file, '/* quay-config CLI build 0123456789abcdef */module.exports = { answer: [1, 2, 3].reduce((a, b) => a + b, 36) };\n');
const load = () => bundle.loadBundle(file, (s) => import(s));
const cache = bundle.cacheFileOf(file, '0123456789abcdef');

describe('code caches of a bundle', () => {
  it('are written when missing, then used and left alone', () => {
    const first = load();
    expect(first.exports.answer).toBe(42);
    expect(first.saveCache()).toBe(true);
    expect(existsSync(cache)).toBe(true);
    expect(load().saveCache()).toBe(false);
  });

  it('are written again once after a valid online run (refresh), not at every one', () => {
    expect(load().saveCache(false, true)).toBe(true);
    expect(existsSync(`${cache}.online`)).toBe(true);
    expect(load().saveCache(false, true)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('load a bundle written already wrapped in its module function (as the build writes them) as well as a plain one', () => {
    const wrapped = path.join(dir, 'wrapped.cjs');
    const [open, close] = bundle.MODULE_WRAPPER;
    writeFileSync(wrapped, `/* quay-config CLI build fedcba9876543210 */${open}module.exports = { answer: typeof __qcImport === 'function' ? 42 : 0 };${close}`);
    expect(bundle.loadBundle(wrapped, (s) => import(s)).exports.answer).toBe(42);
    expect(load().exports.answer).toBe(42);
  });
});
