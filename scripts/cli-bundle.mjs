// The run-time side of the CLI bundle (dist/cli/), shared by bin/quay-config.mjs and
// scripts/cli-build.mjs: where it lives, whether it is older than the sources, and how to load it
// with V8's code cache. Only node: imports, since the CLI loads this at every start.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export const root = path.resolve(import.meta.dirname, '..');
export const outDir = path.join(root, 'dist', 'cli');
/** One CommonJS file: V8 can cache the compiled code of a classic script, not of an ES module (Node 20). */
export const outFile = path.join(outDir, 'main.cjs');
/** The source files the bundle was built from (esbuild's metafile inputs), relative to `root`. */
export const inputsFile = path.join(outDir, 'inputs.json');
/** The first line of the bundle names its build, and so its code cache file. */
export const BUILD_ID_LINE = /^\/\* quay-config CLI build ([0-9a-f]+) \*\//;
/** The bundle's `import()` of external packages, rewritten by the build (a vm.Script has no import() of its own). */
export const IMPORT_PARAM = '__qcImport';

/**
 * The probes' client libraries (pg, ioredis, ldapts, …), bundled apart from the CLI: loaded, with
 * their own code cache, at the first probe that needs one, so an offline validation never reads them.
 */
export const libsFile = path.join(outDir, 'probe-libs.cjs');

/** Where the code cache of one build of `file` is kept. */
export const cacheFileOf = (file, buildId) => `${file.replace(/\.cjs$/, '')}-${buildId}.v8cache`;

/**
 * True when the bundle exists and none of the files it was built from changed since. Only the
 * inputs are checked: a new file can only enter the bundle through an edit of an input.
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

/**
 * Loads the CLI bundle and returns its exports, and a function that writes the code caches that were
 * missing or rejected (another Node version) with what this run compiled.
 */
export function loadCli() {
  let libs;
  const probeLib = (specifier) => {
    libs ??= loadBundle(libsFile, (s) => import(s));
    return libs.exports[specifier]?.() ?? import(specifier);
  };
  const cli = loadBundle(outFile, probeLib);
  return {
    exports: cli.exports,
    /** Whether a probe has needed its library yet (never, in an offline validation). */
    probeLibsLoaded: () => libs !== undefined,
    saveCaches(force = false) {
      cli.saveCache(force);
      libs?.saveCache(force);
    },
  };
}

/**
 * Compiles and runs a bundle as Node runs a CommonJS module, with the code cache of its build when
 * there is one (≈40 ms of compiling saved per start). Its `import()` calls go to `dynamicImport`.
 */
export function loadBundle(file, dynamicImport) {
  const source = readFileSync(file, 'utf8');
  const buildId = BUILD_ID_LINE.exec(source)?.[1];
  let cachedData;
  try {
    if (buildId) cachedData = readFileSync(cacheFileOf(file, buildId));
  } catch {
    // no cache yet: compile
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname, ${IMPORT_PARAM}) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file), dynamicImport);
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    /** Writes the code cache (atomically; a read-only install just goes without). */
    saveCache(force = false) {
      if (!buildId || (cacheUsed && !force)) return false;
      const target = cacheFileOf(file, buildId);
      try {
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, target);
        return true;
      } catch {
        return false;
      }
    },
  };
}
