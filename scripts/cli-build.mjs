// Builds the CLI bundle (dist/cli/main.cjs) from lib/: TypeScript compiled by esbuild, the config
// schema validator precompiled by ajv, and V8's code cache made by a warm-up run. Used by
// scripts/build-cli.mjs (npm install / npm run build) and by bin/quay-config.cjs when the bundle is stale.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IMPORT_PARAM, MODULE_WRAPPER, builtinsFile, inputsFile, loadCli, outDir, outFile, probeLibFile, root } from './cli-bundle.cjs';

export async function buildCli() {
  const t0 = Date.now();
  const esbuild = await import('esbuild');
  let cli;
  const libs = [];
  try {
    const validatorModule = await generateValidatorModule(esbuild);
    cli = await esbuild.build({
      ...COMMON,
      entryPoints: ['lib/cli/main.ts'],
      outfile: outFile,
      packages: 'external',
      plugins: [precompiledValidatorPlugin(validatorModule)],
      // The bundle sits in dist/cli/ as serve-command.ts sits in lib/cli/: `../..` is the package either way.
      define: { 'import.meta.dirname': '__dirname' },
    });
    // One bundle per library: each is read only when a probe needs it. They share no module whose
    // state matters across libraries (each is a self-contained client).
    for (const specifier of dynamicImports(cli.metafile)) {
      const file = probeLibFile(specifier);
      const result = await esbuild.build({
        ...COMMON,
        stdin: { contents: libEntry(specifier), resolveDir: root, sourcefile: `${path.basename(file, '.cjs')}.js` },
        outfile: file,
        // Optional drivers pg looks for, not installed.
        external: ['pg-native', 'pg-cloudflare'],
        // The ES-module build of a package where it has one: esbuild can leave out what is not used.
        // @smithy/signature-v4's CommonJS build requires all of @smithy/core's protocols (257 KiB
        // bundled); its ES build needs 29 KiB of them (issue 11). The other libraries have no such field.
        mainFields: ['module', 'main'],
        plugins: [nodeOnlyPgPlugin(), ioredisCommandsPlugin()],
      });
      libs.push([result, file, specifier]);
    }
  } finally {
    // esbuild keeps a service process alive for further builds; the server runs for days without one.
    await esbuild.stop();
  }
  mkdirSync(outDir, { recursive: true });
  const keep = [path.basename(inputsFile)];
  const buildIds = [];
  for (const [result, file] of [[cli, outFile], ...libs]) {
    const buildId = randomBytes(8).toString('hex');
    buildIds.push(buildId);
    for (const out of result.outputFiles) {
      writeAtomically(out.path, out.path === file ? `/* quay-config CLI build ${buildId} */${MODULE_WRAPPER[0]}${rewriteDynamicImports(out.text, result.metafile)}${MODULE_WRAPPER[1]}` : out.text);
    }
    keep.push(path.basename(file), `${path.basename(file)}.map`);
  }
  writeAtomically(builtinsFile, `${JSON.stringify(startupBuiltins(cli.metafile))}\n`);
  keep.push(path.basename(builtinsFile));
  await warmUpCaches(libs.map(([, , specifier]) => specifier));
  // Both flavours of code cache (server, short-lived commands) of this build are kept.
  removeOtherBuilds(keep, buildIds);
  const inputs = Object.keys(cli.metafile.inputs).filter((p) => !p.includes(':') && !p.startsWith('node_modules/'));
  // Written last: a build that failed half-way leaves no inputs list, so it is never taken as fresh.
  // The lock file stands for the bundled packages (yaml, the probes' libraries).
  writeAtomically(inputsFile, `${JSON.stringify([...inputs, 'package-lock.json'], null, 1)}\n`);
  return { outFile, ms: Date.now() - t0 };
}

const COMMON = {
  absWorkingDir: root,
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  // No comments or indentation: the bundles are read and hashed at every start, and a comment
  // with one non-Latin-1 character made V8 hold the whole probe bundle as a two-byte string.
  // Names stay (no identifier minification); stack traces map through the source map.
  minifyWhitespace: true,
  charset: 'ascii',
};

/** Node's modules the CLI bundle requires (not import()s): loaded at its start. */
function startupBuiltins(metafile) {
  const all = Object.values(metafile.outputs).flatMap((o) => o.imports);
  return [...new Set(all.filter((i) => i.external && i.kind !== 'dynamic-import' && isBuiltin(i.path)).map((i) => i.path))].sort();
}

/** The packages the CLI bundle import()s: the probes' libraries. */
function dynamicImports(metafile) {
  const all = Object.values(metafile.outputs).flatMap((o) => o.imports);
  return [...new Set(all.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path))].sort();
}

/** `module.exports = () => import("pg")`: the library initialised only when first asked for. */
function libEntry(specifier) {
  return `module.exports = () => import(${JSON.stringify(specifier)});\n`;
}

/**
 * pg asks at load whether it runs in a Cloudflare Worker: `new Response(…)` when `navigator` is
 * missing (Node 20), which loads Node's fetch implementation (undici), ~20-45 ms, for nothing: the
 * bundle runs in Node. Left as it is if pg's code no longer reads that way.
 */
function nodeOnlyPgPlugin() {
  return {
    name: 'pg-node-only',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        return { contents: text.replace(/function isCloudflareRuntime\(\) \{/, 'function isCloudflareRuntime() {\n  return false;'), loader: 'js' };
      });
    },
  };
}

/**
 * ioredis adds its ~600 command methods to `Commander.prototype` one at a time at load; V8 keeps
 * that prototype in fast mode and copies its descriptor array at every addition: 5.7 MiB of garbage,
 * the largest single part of an online validation's peak RSS (issue 11). Adding and deleting one
 * property first puts the prototype in dictionary mode, where each addition is cheap (0.7 MiB);
 * V8 makes it fast again, once, at its first use as a prototype. Same methods, same behaviour.
 * Left as it is if ioredis' code no longer reads that way.
 */
function ioredisCommandsPlugin() {
  return {
    name: 'ioredis-commands-dictionary',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]ioredis[\\/]built[\\/]utils[\\/]Commander\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const loop = 'commands.forEach(function (commandName) {';
        const contents = text.includes(loop) ? text.replace(loop, `Commander.prototype.__qcDictionary = 0;\ndelete Commander.prototype.__qcDictionary;\n${loop}`) : text;
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * `import("pg")` → `__qcImport("pg")`, the loader's own import(): a vm.Script cannot import() without
 * an experimental flag. Every external dynamic import esbuild reports must be rewritten, or the build fails.
 */
function rewriteDynamicImports(text, metafile) {
  const expected = Object.values(metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.kind === 'dynamic-import' && i.external).length;
  let count = 0;
  const out = text.replace(/\bimport\((?=")/g, () => {
    count++;
    return `${IMPORT_PARAM}(`;
  });
  if (count !== expected) throw new Error(`cli build: rewrote ${count} import() calls, esbuild reports ${expected} external dynamic imports`);
  return out;
}

/**
 * Makes the code caches of the new bundles in two fresh processes, one with the server's V8 flags
 * (Node's defaults) and one with the short-lived commands' (SHORT_LIVED_V8_FLAGS): V8 takes a
 * cache only from a process with the same flags, whatever flags this process runs with.
 */
async function warmUpCaches(specifiers) {
  const script = [
    `import * as bundle from ${JSON.stringify(pathToFileURL(path.join(root, 'scripts/cli-bundle.cjs')).href)};`,
    "if (process.argv.at(-1) === 'short-lived') bundle.useShortLivedFlags();",
    `const { warmUpThisProcess } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'scripts/cli-build.mjs')).href)});`,
    `await warmUpThisProcess(${JSON.stringify(specifiers)});`,
  ].join('\n');
  for (const flavour of ['server', 'short-lived']) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, flavour], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`cli build: the ${flavour} code cache warm-up failed: ${run.error?.message ?? run.stderr}`);
  }
}

/**
 * Validates a typical config through the new bundles, offline and then online against closed ports
 * (every probe loads its library, then fails at once), so the code caches hold what a validation
 * compiles: the schema validator alone is a 600 KB function; then loads every probe library
 * `specifiers` names, and writes this process's caches.
 */
export async function warmUpThisProcess(specifiers) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quay-config-warmup-'));
  try {
    const port = await closedPort();
    writeFileSync(path.join(dir, 'config.yaml'), warmUpConfig(port));
    const cli = loadCli();
    const silent = { out: () => {}, err: () => {}, env: {} };
    await cli.exports.main(['validate', dir, '--mode', 'offline', '--json'], silent);
    await cli.exports.main(['validate', dir, '--mode', 'online', '--json', '--timeout-ms', '2000'], silent);
    // Libraries no probe reached above (MySQL next to PostgreSQL, S3 signing after a refused connection): initialised at least.
    for (const specifier of specifiers) await cli.importProbeLib(specifier);
    cli.saveCaches(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A local port nothing listens on (one just closed). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Earlier builds' files (other code caches, the former single probe bundle): each bundle is one file, loaded whole. */
function removeOtherBuilds(keep, buildIds) {
  const current = (name) => keep.includes(name) || buildIds.some((id) => name.endsWith('.v8cache') && name.includes(`-${id}`));
  for (const name of readdirSync(outDir)) {
    if (!current(name) && !name.endsWith('.tmp')) rmSync(path.join(outDir, name), { force: true });
  }
}

function writeAtomically(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
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

/** Swaps lib/schema/precompiled-validator.ts for the generated module, and bundles what it needs. */
function precompiledValidatorPlugin(contents) {
  const require = createRequire(path.join(root, 'package.json'));
  return {
    name: 'precompiled-validator',
    setup(build) {
      build.onLoad({ filter: /[\\/]lib[\\/]schema[\\/]precompiled-validator\.ts$/ }, (args) => ({ contents, loader: 'js', resolveDir: path.dirname(args.path) }));
      // Bundled rather than external, so that an offline validation never loads the ajv package.
      build.onResolve({ filter: /^ajv\/dist\/runtime\// }, (args) => ({ path: require.resolve(args.path) }));
      // Every validation parses YAML: one bundled module loads faster than yaml's 72 files.
      build.onResolve({ filter: /^yaml$/ }, (args) => ({ path: require.resolve(args.path) }));
      // validator.ts needs the Ajv class only to compile when the precompiled validator is stale:
      // hand it a stand-in that loads ajv on first use (≈30 ms saved at every start).
      build.onResolve({ filter: /^ajv$/ }, (args) => (/[\\/]lib[\\/]schema[\\/]validator\.ts$/.test(args.importer) ? { path: 'ajv', namespace: 'lazy-ajv' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'lazy-ajv' }, () => ({
        contents: "export default function Ajv(options) { return new (require('ajv').default)(options); }",
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/** A typical installation's config, every service on a closed local port (no files: certificate checks compile at run time). */
const warmUpConfig = (port) => `SERVER_HOSTNAME: quay.example.com
PREFERRED_URL_SCHEME: https
SECRET_KEY: 6c1f3f0b8b8f4d2f9d0c7a3e5b1a2c4d6e8f0a1b3c5d7e9f
DATABASE_SECRET_KEY: 0a1b3c5d7e9f6c1f3f0b8b8f4d2f9d0c7a3e5b1a2c4d6e8f
SETUP_COMPLETE: true
DB_URI: postgresql://quay:password@127.0.0.1:${port}/quay
BUILDLOGS_REDIS: {host: 127.0.0.1, port: ${port}, password: password}
USER_EVENTS_REDIS: {host: 127.0.0.1, port: ${port}, password: password, ssl: true}
AUTHENTICATION_TYPE: LDAP
LDAP_URI: ldaps://127.0.0.1:${port}
LDAP_ADMIN_DN: cn=admin,dc=example,dc=com
LDAP_ADMIN_PASSWD: password
LDAP_BASE_DN: [dc=example, dc=com]
LDAP_USER_RDN: [ou=people]
LDAP_UID_ATTR: uid
LDAP_EMAIL_ATTR: mail
SUPER_USERS: [admin]
DISTRIBUTED_STORAGE_CONFIG:
  default: [S3Storage, {host: 127.0.0.1, port: ${port}, is_secure: false, s3_access_key: key, s3_secret_key: secret, s3_bucket: quay, storage_path: /registry}]
  local: [LocalStorage, {storage_path: /datastorage/registry}]
DISTRIBUTED_STORAGE_PREFERENCE: [default]
DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [default]
FEATURE_MAILING: true
MAIL_SERVER: 127.0.0.1
MAIL_PORT: ${port}
MAIL_USE_TLS: true
FEATURE_SECURITY_SCANNER: true
SECURITY_SCANNER_V4_ENDPOINT: https://127.0.0.1:${port}
SECURITY_SCANNER_V4_PSK: cHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNr
TAG_EXPIRATION_OPTIONS: [2w]
DEFAULT_TAG_EXPIRATION: 2w
SERVER_HOSTNAM: typo.example.com
`;
