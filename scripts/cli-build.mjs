// Builds the CLI bundle (dist/cli/main.cjs) from lib/: TypeScript compiled by esbuild, the config
// schema validator precompiled by ajv, and V8's code cache made by a warm-up run. Used by
// scripts/build-cli.mjs (npm install / npm run build) and by bin/quay-config.mjs when the bundle is stale.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_PARAM, cacheFileOf, inputsFile, libsFile, loadCli, outDir, outFile, root } from './cli-bundle.mjs';

export async function buildCli() {
  const t0 = Date.now();
  const esbuild = await import('esbuild');
  let cli;
  let libs;
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
    libs = await esbuild.build({
      ...COMMON,
      stdin: { contents: libsEntry(dynamicImports(cli.metafile)), resolveDir: root, sourcefile: 'probe-libs.js' },
      outfile: libsFile,
      // Optional drivers pg looks for, not installed.
      external: ['pg-native', 'pg-cloudflare'],
    });
  } finally {
    // esbuild keeps a service process alive for further builds; the server runs for days without one.
    await esbuild.stop();
  }
  mkdirSync(outDir, { recursive: true });
  const keep = [path.basename(inputsFile)];
  for (const [result, file] of [[cli, outFile], [libs, libsFile]]) {
    const buildId = randomBytes(8).toString('hex');
    for (const out of result.outputFiles) {
      writeAtomically(out.path, out.path === file ? `/* quay-config CLI build ${buildId} */${rewriteDynamicImports(out.text, result.metafile)}` : out.text);
    }
    keep.push(path.basename(file), `${path.basename(file)}.map`, path.basename(cacheFileOf(file, buildId)));
  }
  await warmUpCaches();
  removeOtherBuilds(keep);
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
};

/** The packages the CLI bundle import()s: the probes' libraries. */
function dynamicImports(metafile) {
  const all = Object.values(metafile.outputs).flatMap((o) => o.imports);
  return [...new Set(all.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path))].sort();
}

/** `{ pg: () => import('pg'), … }`: each library initialised only when first asked for. */
function libsEntry(specifiers) {
  return `module.exports = {\n${specifiers.map((s) => `  ${JSON.stringify(s)}: () => import(${JSON.stringify(s)}),`).join('\n')}\n};\n`;
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
 * Validates a typical config through the new bundles, offline and then online against closed ports
 * (every probe loads its library, then fails at once), so the code caches hold what a validation
 * compiles: the schema validator alone is a 600 KB function.
 */
async function warmUpCaches() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quay-config-warmup-'));
  try {
    const port = await closedPort();
    writeFileSync(path.join(dir, 'config.yaml'), warmUpConfig(port));
    const cli = loadCli();
    const silent = { out: () => {}, err: () => {}, env: {} };
    await cli.exports.main(['validate', dir, '--mode', 'offline', '--json'], silent);
    await cli.exports.main(['validate', dir, '--mode', 'online', '--json', '--timeout-ms', '2000'], silent);
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

/** Earlier builds' files (other code caches, the former ESM chunks): each bundle is one file, loaded whole. */
function removeOtherBuilds(keep) {
  for (const name of readdirSync(outDir)) {
    if (!keep.includes(name) && !name.endsWith('.tmp')) rmSync(path.join(outDir, name), { force: true });
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
