// Shared by scripts/build-cli.mjs and bin/quay-config.mjs: where the CLI bundle lives, whether it is
// older than the sources, and how to (re)build it. Kept free of heavy imports: the CLI loads it at
// every start.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const outDir = path.join(root, 'dist', 'cli');
export const outFile = path.join(outDir, 'main.js');
/** The source files the bundle was built from (esbuild's metafile inputs), relative to `root`. */
const inputsFile = path.join(outDir, 'inputs.json');

/**
 * True when dist/cli/main.js exists and none of the files it was built from changed since. Only
 * the inputs are checked: a new file can only enter the bundle through an edit of an input.
 */
export function bundleIsFresh() {
  let built;
  let inputs;
  try {
    built = statSync(outFile).mtimeMs;
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return false;
  for (const input of inputs) {
    try {
      if (statSync(path.join(root, input)).mtimeMs > built) return false;
    } catch {
      return false; // deleted or renamed: its importer changed too, but be sure
    }
  }
  return true;
}

export async function buildCli() {
  const t0 = Date.now();
  const esbuild = await import('esbuild');
  try {
    const validatorModule = await generateValidatorModule(esbuild);
    const result = await esbuild.build({
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
      metafile: true,
      plugins: [precompiledValidatorPlugin(validatorModule)],
      // Bundled ESM has no require(); some dependencies' CJS interop needs it.
      banner: { js: "import { createRequire as __qcCreateRequire } from 'node:module'; const require = __qcCreateRequire(import.meta.url);" },
    });
    const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes(':') && !p.startsWith('node_modules/'));
    // Written last: a build that failed half-way leaves no inputs list, so it is never taken as fresh.
    writeFileSync(inputsFile, `${JSON.stringify(inputs, null, 1)}\n`);
  } finally {
    // esbuild keeps a service process alive for further builds; the server runs for days without one.
    await esbuild.stop();
  }
  return { outFile, ms: Date.now() - t0 };
}

/**
 * Runs lib/schema/standalone.ts (bundled with ajv into one self-contained module, imported from a
 * data: URL so nothing is written) and returns the precompiled validator module it generates.
 */
async function generateValidatorModule(esbuild) {
  const gen = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['lib/schema/standalone.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const text = gen.outputFiles[0]?.text ?? '';
  const { standaloneValidatorModule } = await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
  return standaloneValidatorModule();
}

/** Swaps lib/schema/precompiled-validator.ts for the generated module, and bundles ajv's small runtime helpers it needs. */
function precompiledValidatorPlugin(contents) {
  const require = createRequire(path.join(root, 'package.json'));
  return {
    name: 'precompiled-validator',
    setup(build) {
      build.onLoad({ filter: /[\\/]lib[\\/]schema[\\/]precompiled-validator\.ts$/ }, (args) => ({ contents, loader: 'js', resolveDir: path.dirname(args.path) }));
      // Bundled rather than external, so that an offline validation never loads the ajv package.
      build.onResolve({ filter: /^ajv\/dist\/runtime\// }, (args) => ({ path: require.resolve(args.path) }));
      build.onResolve({ filter: /^yaml$/ }, (args) => ({ path: require.resolve(args.path) }));
      // validator.ts needs the Ajv class only to compile when the precompiled validator is stale:
      // hand it a stand-in that loads ajv on first use (≈30 ms saved at every start).
      build.onResolve({ filter: /^ajv$/ }, (args) =>
        /[\\/]lib[\\/]schema[\\/]validator\.ts$/.test(args.importer) ? { path: 'ajv', namespace: 'lazy-ajv' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'lazy-ajv' }, () => ({
        contents: "export default function Ajv(options) { return new (require('ajv').default)(options); }",
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

