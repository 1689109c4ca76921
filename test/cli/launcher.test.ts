import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './run-cli';

/**
 * The `quay-config` launcher (bin/quay-config.cjs) as a checkout runs it, in a copy of the package
 * without dist/: it builds the CLI bundle itself, then validates in the same process, where the
 * short-lived commands' V8 flags are already set (a regular-expression flag among them once made
 * this path crash), and rebuilds when a source is newer than the bundle.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
let pkg: string;
let configDir: string;

beforeAll(() => {
  pkg = tempDir('qc-launcher-');
  for (const entry of ['bin', 'scripts', 'lib', 'schema', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(path.join(ROOT, entry), path.join(pkg, entry), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
  configDir = tempDir('qc-launcher-config-');
  writeFileSync(path.join(configDir, 'config.yaml'), 'SERVER_HOSTNAME: quay.example.com\nDB_URI: postgresql://quay:pw@db.example.com/quay\n');
});
afterAll(() => {
  rmSync(pkg, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

/** `node bin/quay-config.cjs validate <config> --mode offline --json` in the copy. */
function validate() {
  const run = spawnSync(process.execPath, [path.join(pkg, 'bin/quay-config.cjs'), 'validate', configDir, '--mode', 'offline', '--json'], { encoding: 'utf8', timeout: 120_000 });
  return {
    status: run.status,
    signal: run.signal,
    report: run.stdout ? (JSON.parse(run.stdout) as { mode: string; valid: boolean; groups: Array<{ group: string }> }) : undefined,
    stderr: run.stderr,
  };
}

describe('bin/quay-config.cjs in a checkout', () => {
  it('builds the missing bundle and validates in the same run', () => {
    expect(existsSync(path.join(pkg, 'dist/cli/main.cjs'))).toBe(false);
    const run = validate();
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 1, signal: null }); // the config lacks required keys
    expect(run.report?.mode).toBe('offline');
    expect(run.report?.valid).toBe(false);
    expect(run.report?.groups.map((g) => g.group)).toContain('Database');
    expect(existsSync(path.join(pkg, 'dist/cli/main.cjs'))).toBe(true);
  }, 120_000);

  it('rebuilds when a source is newer than the bundle, and gives the same verdict', () => {
    const first = validate();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(pkg, 'lib/report/types.ts'), later, later);
    const rebuilt = validate();
    expect({ status: rebuilt.status, signal: rebuilt.signal }).toEqual({ status: 1, signal: null });
    expect(rebuilt.report?.groups.map((g) => g.group)).toEqual(first.report?.groups.map((g) => g.group));
    expect(rebuilt.report?.valid).toBe(first.report?.valid);
  }, 120_000);
});
