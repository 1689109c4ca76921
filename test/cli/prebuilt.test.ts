import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../lib/cli/io';
import { runCli, tempDir } from './run-cli';

/**
 * The prebuilt CLI (dist/cli/, what `quay-config` runs): the same verdicts as the sources, and an
 * offline validation that loads no probe library and no ajv (issue 11).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.join(ROOT, 'test/fixtures/real-world');
const nodeRequire = createRequire(import.meta.url);

interface LoadedCli {
  exports: { main: (argv: string[], io?: CliIO) => Promise<number> };
  probeLibsLoaded: () => boolean;
  loadedProbeLibs: () => string[];
  importProbeLib: (specifier: string) => Promise<Record<string, unknown>>;
}
interface BundleModule {
  bundleIsFresh(): boolean;
  loadCli(): LoadedCli;
}

const importScript = async <T>(name: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'scripts', name)).href)) as T;

let cli: LoadedCli;
const dirs: string[] = [];

beforeAll(async () => {
  const bundle = await importScript<BundleModule>('cli-bundle.cjs');
  if (!bundle.bundleIsFresh()) await (await importScript<{ buildCli(): Promise<unknown> }>('cli-build.mjs')).buildCli();
  cli = bundle.loadCli();
}, 120_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function runBundle(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: CliIO = { out: (t) => (stdout += `${t}\n`), err: () => {}, env: { NODE_ENV: 'test' } };
  return { code: await cli.exports.main(argv, io), stdout };
}

/** The report without timings, which differ from run to run. */
function verdict(stdout: string): unknown {
  const report = JSON.parse(stdout) as { durationMs?: number; groups: Array<{ durationMs?: number }> };
  delete report.durationMs;
  for (const g of report.groups) delete g.durationMs;
  return report;
}

function configDir(yaml: string): string {
  const dir = tempDir('qc-prebuilt-');
  dirs.push(dir);
  writeFileSync(path.join(dir, 'config.yaml'), yaml);
  return dir;
}

const heavyPackage = /[\\/]node_modules[\\/](pg|pg-[\w-]+|ioredis|mysql2|ldapts|jose|@smithy|@aws-sdk|nodemailer|node-forge|ajv)[\\/]/;

describe('the prebuilt CLI', () => {
  it('validates offline without loading a probe library or ajv', async () => {
    const before = new Set(Object.keys(nodeRequire.cache));
    const { code } = await runBundle(['validate', path.join(CORPUS, 'op-e2e-happy-path'), '--mode', 'offline', '--json']);
    expect([0, 1]).toContain(code);
    const loaded = Object.keys(nodeRequire.cache).filter((m) => !before.has(m) && heavyPackage.test(m));
    expect(loaded).toEqual([]);
    expect(cli.probeLibsLoaded()).toBe(false);
  });

  it('loads the probe libraries once a probe runs (positive control)', async () => {
    const port = await closedPort();
    const dir = configDir(`SERVER_HOSTNAME: quay.example.com\nDB_URI: postgresql://quay:pw@127.0.0.1:${port}/quay\n`);
    const { code, stdout } = await runBundle(['validate', dir, '--mode', 'online', '--groups', 'Database', '--json']);
    expect(code).toBe(1);
    expect(stdout).toContain('connection refused');
    expect(cli.probeLibsLoaded()).toBe(true);
  });

  it('gives every real-world config the verdict the sources give (precompiled schema validator included)', async () => {
    const names = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const argv = ['validate', path.join(CORPUS, name), '--mode', 'offline', '--json'];
      const [fromBundle, fromSources] = [await runBundle(argv), await runCli(argv, ROOT)];
      expect({ name, code: fromBundle.code }).toEqual({ name, code: fromSources.code });
      expect(verdict(fromBundle.stdout)).toEqual(verdict(fromSources.stdout));
    }
  });
});

describe('the probe libraries as the build bundles them (issue 11)', () => {
  const libFile = (name: string) => path.join(ROOT, 'dist/cli', `probe-lib-${name}.cjs`);

  it("ioredis: its command methods are defined on a dictionary-mode prototype (the build's patch still applies) and all work as before", async () => {
    // Without the patch ioredis' load makes 5.7 MiB of garbage; a changed ioredis must be looked at again.
    expect(readFileSync(libFile('ioredis'), 'utf8')).toContain('delete Commander.prototype.__qcDictionary');
    const { Redis, default: Default } = (await cli.importProbeLib('ioredis')) as {
      Redis: { prototype: Record<string, unknown> };
      default: unknown;
    };
    expect(Default).toBe(Redis);
    const { list } = nodeRequire('@ioredis/commands') as { list: string[] };
    const missing = list.filter((c) => c !== 'monitor' && (typeof Redis.prototype[c] !== 'function' || typeof Redis.prototype[`${c}Buffer`] !== 'function'));
    expect(missing).toEqual([]);
    expect(Object.hasOwn(Redis.prototype, '__qcDictionary')).toBe(false);
    expect('__qcDictionary' in Redis.prototype).toBe(false);
  });

  it("@smithy/signature-v4 is bundled from its ES build, without @smithy/core's unused protocols (257 KiB otherwise)", () => {
    const text = readFileSync(libFile('smithy-signature-v4'), 'utf8');
    expect(text).toContain('SignatureV4');
    expect(text).not.toContain('JsonShapeSerializer');
    expect(text.length).toBeLessThan(64 * 1024);
  });
});

describe('the prebuilt CLI in a process of its own (as `quay-config` runs)', () => {
  /**
   * Runs a validation in a fresh Node process through scripts/cli-bundle.cjs with the CLI's V8
   * flags, and reports which probe libraries and Node modules it loaded.
   */
  function childRun(argv: string[]): { code: number; libs: string[]; undici: boolean } {
    const script = `
      import * as bundle from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/cli-bundle.cjs')).href)};
      bundle.useShortLivedFlags();
      const cli = bundle.loadCli();
      const code = await cli.exports.main(${JSON.stringify(argv)}, { out: () => {}, err: () => {}, env: {} });
      process.stdout.write(JSON.stringify({ code, libs: cli.loadedProbeLibs(), undici: process.moduleLoadList.some((m) => m.includes('undici')) }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as { code: number; libs: string[]; undici: boolean };
  }

  it('reads no probe library offline', () => {
    const r = childRun(['validate', path.join(CORPUS, 'op-e2e-happy-path'), '--mode', 'offline', '--json']);
    expect([0, 1]).toContain(r.code);
    expect(r.libs).toEqual([]);
    expect(r.undici).toBe(false);
  });

  it('reads only the library of the probe that runs (pg for PostgreSQL, not mysql2 or ioredis), and pg without fetch', async () => {
    const port = await closedPort();
    const dir = configDir(`SERVER_HOSTNAME: quay.example.com\nDB_URI: postgresql://quay:pw@127.0.0.1:${port}/quay\n`);
    const r = childRun(['validate', dir, '--mode', 'online', '--groups', 'Database', '--json']);
    expect(r.code).toBe(1);
    expect(r.libs).toEqual(['pg']);
    // pg's Cloudflare check (`new Response()`) would load Node's fetch (undici): patched out at build.
    expect(r.undici).toBe(false);
  });

  it('runs on the code caches the build made for its V8 flags (none is rejected and rewritten)', async () => {
    const caches = () =>
      Object.fromEntries(
        readdirSync(path.join(ROOT, 'dist/cli'))
          .filter((f) => f.endsWith('.v8cache'))
          .map((f) => [f, statSync(path.join(ROOT, 'dist/cli', f)).mtimeMs]),
      );
    const before = caches();
    expect(Object.keys(before).filter((f) => f.endsWith('-cli.v8cache')).length).toBeGreaterThan(1);
    const port = await closedPort();
    const dir = configDir(`SERVER_HOSTNAME: quay.example.com\nDB_URI: postgresql://quay:pw@127.0.0.1:${port}/quay\nBUILDLOGS_REDIS: {host: 127.0.0.1, port: ${port}}\n`);
    for (const mode of ['offline', 'online']) {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/quay-config.cjs'), 'validate', dir, '--mode', mode, '--json'], { encoding: 'utf8', timeout: 60_000 });
      expect([0, 1]).toContain(run.status);
    }
    expect(caches()).toEqual(before);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
