// The run-time side of the CLI bundle (dist/cli/), shared by bin/quay-config.cjs and
// scripts/cli-build.mjs: where it lives, whether it is older than the sources, and how to load it
// with V8's code cache. Only node: modules, since the CLI loads this at every start, and CommonJS,
// as the launcher is: an ES module there would start Node's ES module loader (≈4 ms) for nothing.
'use strict';
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'dist', 'cli');
/** One CommonJS file: V8 can cache the compiled code of a classic script, not of an ES module (Node 20). */
const outFile = path.join(outDir, 'main.cjs');
/** The source files the bundle was built from (esbuild's metafile inputs), relative to `root`. */
const inputsFile = path.join(outDir, 'inputs.json');
/** Node's built-in modules the CLI bundle loads at start (written by the build). */
const builtinsFile = path.join(outDir, 'builtins.json');
/** The first line of the bundle names its build, and so its code cache file. */
const BUILD_ID_LINE = /^\/\* quay-config CLI build ([0-9a-f]+) \*\//;
/** The bundle's `import()` of external packages, rewritten by the build (a vm.Script has no import() of its own). */
const IMPORT_PARAM = '__qcImport';
/**
 * Each bundle file is written as one function expression, as Node wraps a CommonJS module, so that
 * loading compiles the file's text as read: wrapping it at load made a second copy of the 1.3 MiB
 * source next to the first, at the start of every command (issue 11).
 */
const MODULE_WRAPPER = [`(function (exports, require, module, __filename, __dirname, ${IMPORT_PARAM}) {`, '\n})'];

/**
 * The probes' client libraries (pg, ioredis, ldapts, …), each bundled in a file of its own
 * (`probe-lib-<name>.cjs`, named by `probeLibFile`): loaded, with its own code cache, at the first
 * probe that needs it, so an offline validation reads none and a PostgreSQL config never reads
 * mysql2 (1.1 MiB) (issue 11).
 */
const probeLibFile = (specifier) => path.join(outDir, `probe-lib-${specifier.replace(/^@/, '').replace(/[^\w.-]+/g, '-')}.cjs`);

/**
 * V8 flags of the short-lived commands (validate, generate, bundle; not `serve`): they run for
 * ~0.1-0.5 s, so TurboFan's optimising compiles on the background threads (~115 M instructions in
 * an offline validation) never pay off, and their compile zones cost ~8 MiB of peak RSS; the
 * interpreter suffices. The young generation stays at its first size instead of
 * doubling to 8 MiB semi-spaces (−2 MiB peak RSS offline, −4.7 MiB online, +1% instructions).
 * Sparkplug's baseline code is not worth its memory either (−1.2 MiB online, no measurable time)
 * (issue 11). Set by `useShortLivedFlags` before a bundle loads, so only flags that are safe to
 * change in a running isolate: `--no-regexp-tier-up` (−4 ms online) made V8 run a pattern compiled
 * before the switch, still bytecode, as native code, and crash when the launcher built the bundle first.
 */
const SHORT_LIVED_V8_FLAGS = ['--no-opt', '--semi-space-growth-factor=1', '--no-sparkplug'];

let flavour = '';

/**
 * Switches this process to SHORT_LIVED_V8_FLAGS. V8 accepts a code cache only from a process
 * with the same flags, so the caches of such processes are kept apart (`-cli` in their name):
 * the server and the CLI each keep theirs.
 */
function useShortLivedFlags() {
  // Node's own modules come with a code cache made under its default flags, which V8 refuses once
  // the flags change: the ones the CLI bundle loads are loaded first (~45 M instructions of
  // compiling saved); the few a probe loads later are compiled.
  try {
    for (const builtin of JSON.parse(readFileSync(builtinsFile, 'utf8'))) require(builtin);
  } catch {
    // no list (an older build): they compile
  }
  v8.setFlagsFromString(SHORT_LIVED_V8_FLAGS.join(' '));
  flavour = '-cli';
}

/** Where the code cache of one build of `file` is kept, for this process's V8 flags. */
const cacheFileOf = (file, buildId) => `${file.replace(/\.cjs$/, '')}-${buildId}${flavour}.v8cache`;

/**
 * True when the bundle exists and none of the files it was built from changed since. Only the
 * inputs are checked: a new file can only enter the bundle through an edit of an input.
 */
function bundleIsFresh() {
  let built;
  let inputs;
  try {
    built = statSync(outFile).mtimeMs;
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return false;
  // Joined by hand: the inputs are plain relative paths (esbuild's), and path.join's normalising of
  // ~260 of them, interpreted, took as long as their stat calls (≈1.5 ms at every start).
  const base = `${root}${path.sep}`;
  for (const input of inputs) {
    try {
      if (statSync(base + input).mtimeMs > built) return false;
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
function loadCli() {
  /** The probe libraries loaded so far, by specifier. */
  const libs = new Map();
  const probeLib = (specifier) => {
    let lib = libs.get(specifier);
    if (!lib) {
      try {
        lib = loadBundle(probeLibFile(specifier), (s) => import(s));
      } catch (e) {
        if (e?.code !== 'ENOENT') throw e;
        return import(specifier); // not one of the bundled libraries
      }
      libs.set(specifier, lib);
    }
    return lib.exports();
  };
  const cli = loadBundle(outFile, probeLib);
  return {
    /** Loads a probe library as a probe's `import()` does (the build's warm-up). */
    importProbeLib: probeLib,
    exports: cli.exports,
    /** Whether a probe has needed its library yet (never, in an offline validation). */
    probeLibsLoaded: () => libs.size > 0,
    /** The probe libraries loaded so far. */
    loadedProbeLibs: () => [...libs.keys()].sort(),
    /**
     * Writes the code caches that were missing or refused (`force`: all of them). With `refresh`,
     * after a validation whose probes all got through: once per build, the caches of the bundles it
     * used are written again with what it compiled, the probes' paths past the handshakes that the
     * build's warm-up (against closed ports) never reaches (issue 11).
     */
    saveCaches(force = false, { refresh = false } = {}) {
      cli.saveCache(force, refresh);
      for (const lib of libs.values()) lib.saveCache(force, refresh);
    },
  };
}

/**
 * Compiles and runs a bundle as Node runs a CommonJS module, with the code cache of its build when
 * there is one (≈40 ms of compiling saved per start). Its `import()` calls go to `dynamicImport`.
 */
function loadBundle(file, dynamicImport) {
  const source = readFileSync(file, 'utf8');
  // A copy, not a slice: V8 keeps a short substring as a view into its parent, and `saveCache`
  // holding it would keep the whole bundle text alive next to the compiled script's (1.3 MiB).
  const buildId = copyString(BUILD_ID_LINE.exec(source)?.[1]);
  let cachedData;
  try {
    if (buildId) cachedData = readFileSync(cacheFileOf(file, buildId));
  } catch {
    // no cache yet: compile
  }
  // A bundle of an older build is a plain module: wrap it here.
  const wrapped = source.endsWith(MODULE_WRAPPER[1]) ? source : `${MODULE_WRAPPER[0]}${source}${MODULE_WRAPPER[1]}`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file), dynamicImport);
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    /**
     * Writes the code cache (atomically; a read-only install just goes without): when there was
     * none or V8 refused it, always with `force`, and with `refresh` once per build (a marker file
     * says it was done).
     */
    saveCache(force = false, refresh = false) {
      if (!buildId) return false;
      const target = cacheFileOf(file, buildId);
      const marker = `${target}.online`;
      if (cacheUsed && !force && (!refresh || existsSync(marker))) return false;
      try {
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, target);
        if (refresh) writeFileSync(marker, '');
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** A string that owns its characters (Buffer round trip), for a substring kept long. */
function copyString(s) {
  return s === undefined ? undefined : Buffer.from(s, 'latin1').toString('latin1');
}

module.exports = {
  root,
  outDir,
  outFile,
  inputsFile,
  builtinsFile,
  IMPORT_PARAM,
  MODULE_WRAPPER,
  probeLibFile,
  useShortLivedFlags,
  cacheFileOf,
  bundleIsFresh,
  loadCli,
  loadBundle,
};
