// Shared by scripts/build-cli.mjs and bin/quay-config.mjs: where the CLI bundle lives, whether it is
// older than the sources, and how to (re)build it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const outDir = path.join(root, 'dist', 'cli');
export const outFile = path.join(outDir, 'main.js');
const SOURCES = ['lib', 'schema'];

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/cli/main.js exists and no source under lib/ or schema/ is newer. */
export function bundleIsFresh() {
  if (!existsSync(outFile)) return false;
  const built = statSync(outFile).mtimeMs;
  return SOURCES.every((d) => !existsSync(path.join(root, d)) || newestSourceMtime(path.join(root, d)) <= built);
}

export async function buildCli() {
  const t0 = Date.now();
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'lib/cli/main.ts' },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled ESM has no require(); some dependencies' CJS interop needs it.
    banner: { js: "import { createRequire as __qcCreateRequire } from 'node:module'; const require = __qcCreateRequire(import.meta.url);" },
  });
  // esbuild keeps a service process alive for further builds; the server runs for days without one.
  await esbuild.stop();
  return { outFile, ms: Date.now() - t0 };
}
