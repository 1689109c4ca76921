import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { generateServerCertificate } from '../../lib/keys/tls-certificates';

/**
 * The real app for black-box tests: builds the Next app into a dedicated dist directory when its
 * BUILD_ID is missing or older than the sources, starts `quay-config serve` as a child process on a
 * free port with a known password and its own TLS certificate, captures its stdout/stderr, and stops
 * it by PID. Shared by the reliability/security suite, the e2e and the benchmark engineers.
 */

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Dist directory used by tests: `QC_NEXT_DIST`, else `.next`, which `npm test` builds once before the
 * suites (so CI never builds twice); set QC_NEXT_DIST to build beside another run.
 */
export const DEFAULT_DIST_DIR = process.env.QC_NEXT_DIST || '.next';

/** Basic-auth user name of the wizard (fixed, as in Quay's config mode). */
export const APP_USER = 'quayconfig';

/**
 * Node's options for the server, as `npm start` and the image's entrypoint give them (a test checks
 * the three agree): semi-spaces of 4 MiB instead of up to 16, so the young generation stays at
 * 8 MiB and the server's RSS comes back to its idle size after a burst of validations (issue 11).
 * V8 takes this only on the command line, not from `v8.setFlagsFromString` once the heap exists.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

/** What the sources of the built app are: a newer file here means the build is stale. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'schema', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'package.json', 'package-lock.json'];
/**
 * Files `next build` rewrites in place (it adds its dist dir's type globs to tsconfig.json and points
 * next-env.d.ts at them). They belong to the repository, not to the build: put back as they were.
 */
const FILES_NEXT_BUILD_REWRITES = ['tsconfig.json', 'next-env.d.ts'];

export interface BuildOptions {
  distDir?: string;
  log?: (line: string) => void;
  /** Longest a build (or waiting for another process's build) may take. */
  timeoutMs?: number;
}

/** Newest modification time (ms) of the app's sources; test files and fixtures don't count. */
export function newestSourceMtime(root = REPO_ROOT): number {
  let newest = 0;
  const visit = (p: string) => {
    const info = statSync(p, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) continue;
        visit(path.join(p, name));
      }
    } else if (!/\.(test|spec)\.tsx?$/.test(p)) {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) visit(path.join(root, d));
  for (const f of SOURCE_FILES) visit(path.join(root, f));
  return newest;
}

/** True when `<distDir>/BUILD_ID` exists and is newer than every source file. */
export function appBuildIsFresh(distDir = DEFAULT_DIST_DIR, root = REPO_ROOT): boolean {
  const id = statSync(path.join(root, distDir, 'BUILD_ID'), { throwIfNoEntry: false });
  return id !== undefined && id.mtimeMs > newestSourceMtime(root);
}

/**
 * Builds the app into `distDir` unless a fresh build is there. Concurrent callers (vitest workers,
 * other suites) take turns through a lock directory under `.run/`; a build that fails while sources
 * are being edited (someone saved a half-written file) is retried once.
 */
export async function ensureAppBuilt(options: BuildOptions = {}): Promise<{ built: boolean }> {
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  const log = options.log ?? (() => {});
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  if (appBuildIsFresh(distDir)) return { built: false };
  const release = await acquireLock(path.join(REPO_ROOT, '.run', `build${distDir.replace(/[^\w.-]/g, '_')}.lock`), deadline);
  try {
    if (appBuildIsFresh(distDir)) return { built: false };
    for (let attempt = 1; ; attempt++) {
      const startedAt = Date.now();
      log(`building the app into ${distDir} (attempt ${attempt})`);
      const result = await runNextBuild(distDir, deadline - Date.now());
      if (result.ok) {
        // Sources saved during the build may not be in it: date BUILD_ID back to its start.
        const id = path.join(REPO_ROOT, distDir, 'BUILD_ID');
        utimesSync(id, new Date(startedAt), new Date(startedAt));
        return { built: true };
      }
      const editedMeanwhile = newestSourceMtime() > startedAt;
      if (attempt >= 2 || !editedMeanwhile || Date.now() > deadline - 60_000) {
        throw new Error(`next build (${distDir}) failed:\n${result.output.slice(-6000)}`);
      }
      log('the build failed while sources were being edited: retrying in 15 s');
      await sleep(15_000);
    }
  } finally {
    release();
  }
}

async function runNextBuild(distDir: string, timeoutMs: number): Promise<{ ok: boolean; output: string }> {
  const saved = FILES_NEXT_BUILD_REWRITES.map((f) => {
    const p = path.join(REPO_ROOT, f);
    const info = statSync(p, { throwIfNoEntry: false });
    return info ? { p, text: readFileSync(p), atime: info.atime, mtime: info.mtime } : null;
  });
  try {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: REPO_ROOT,
      env: { ...process.env, QC_NEXT_DIST: distDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(timeoutMs, 1000));
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    clearTimeout(timer);
    return { ok: code === 0, output };
  } finally {
    for (const s of saved) {
      if (!s || readFileSync(s.p).equals(s.text)) continue;
      writeFileSync(s.p, s.text);
      utimesSync(s.p, s.atime, s.mtime);
    }
  }
}

/** A lock directory holding the owner's PID; a lock whose owner died is taken over. */
async function acquireLock(dir: string, deadline: number): Promise<() => void> {
  mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(readFileSync(path.join(dir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || NaN);
    const age = Date.now() - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((Number.isInteger(owner) && !processAlive(owner)) || (!Number.isInteger(owner) && age > 10_000)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${dir} (held by PID ${owner})`);
    await sleep(500);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface AppServerOptions {
  /** Basic-auth password (default: a fixed test password). */
  password?: string;
  /** `--config-dir`: a bundle directory to preload. */
  configDir?: string;
  readonlyGroups?: string[];
  /** More `serve` arguments, e.g. `['--operator-endpoint', url]`. */
  extraArgs?: string[];
  distDir?: string;
  /** Extra environment for the server process (e.g. `TMPDIR`). */
  env?: Record<string, string | undefined>;
  /** Working directory of the server process (default: a fresh temp directory). */
  cwd?: string;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface AppRequest {
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** `true` (default): Basic auth with the server's password; `false`: none; a string: that password. */
  auth?: boolean | string;
  /** The request is abandoned (and rejected) after this long: no test can hang on the server. */
  timeoutMs?: number;
  agent?: https.Agent;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  password: string;
  /** PEM of the CA that signed the server's certificate, for clients that verify TLS (browsers: ignore HTTPS errors). */
  certPem: string;
  /** Everything the server printed so far, stdout then stderr interleaved as received. */
  output(): string;
  /** Sends one request over HTTPS, verifying the server's certificate. */
  request(method: string, pathname: string, options?: AppRequest): Promise<AppResponse>;
  /** A keep-alive agent that trusts the server, for load tests; destroy it when done. */
  agent(options?: https.AgentOptions): https.Agent;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** The child process, to watch its exit. */
  child: ChildProcess;
}

/** Password of the test servers, unless a test gives its own. */
export const TEST_PASSWORD = 'qc-test-password-4f1d';

/** Builds if needed, then starts `quay-config serve --port 0 --host 127.0.0.1` and waits for its URL. */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  await ensureAppBuilt({ distDir, log: options.log });
  const password = options.password ?? TEST_PASSWORD;
  const work = mkdtempSync(path.join(os.tmpdir(), 'qc-app-server-'));
  const tls = generateServerCertificate({ hostname: 'localhost', ips: ['127.0.0.1'] });
  writeFileSync(path.join(work, 'tls.crt'), tls.sslCert);
  writeFileSync(path.join(work, 'tls.key'), tls.sslKey, { mode: 0o600 });
  const args = [
    path.join(REPO_ROOT, 'bin/quay-config.cjs'),
    'serve',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--password',
    password,
    '--tls-cert',
    path.join(work, 'tls.crt'),
    '--tls-key',
    path.join(work, 'tls.key'),
  ];
  if (options.configDir) args.push('--config-dir', options.configDir);
  if (options.readonlyGroups?.length) args.push('--readonly-groups', options.readonlyGroups.join(','));
  args.push(...(options.extraArgs ?? []));

  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...args], {
    cwd: options.cwd ?? work,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', QC_NEXT_DIST: distDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not start quay-config serve');
  const pid = child.pid;
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`quay-config serve printed no URL within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`)), options.startTimeoutMs ?? 60_000);
    const poll = setInterval(() => {
      const m = /listening on (https:\/\/\S+)/.exec(output);
      if (m?.[1]) finish(null, m[1]);
    }, 50);
    const onExit = () => finish(new Error(`quay-config serve exited early (code ${child.exitCode}):\n${output}`));
    child.once('exit', onExit);
    function finish(error: Error | null, value?: string) {
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', onExit);
      if (error || value === undefined) reject(error ?? new Error('no URL'));
      else resolve(value);
    }
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  const port = Number(new URL(url).port);

  const request = (method: string, pathname: string, req: AppRequest = {}) => sendRequest({ url, method, pathname, ca: tls.ca.certPem, password, req });
  return {
    url,
    port,
    pid,
    password,
    certPem: tls.ca.certPem,
    child,
    output: () => output,
    request,
    agent: (agentOptions = {}) => new https.Agent({ keepAlive: true, ...agentOptions, ca: tls.ca.certPem }),
    stop,
  };
}

/** One HTTPS request with a hard deadline; resolves with the whole body. */
function sendRequest(a: { url: string; method: string; pathname: string; ca: string; password: string; req: AppRequest }): Promise<AppResponse> {
  const { req } = a;
  // The path is sent exactly as given (no URL normalisation), so tests can send `..` and `%2f`.
  const base = new URL(a.url);
  const headers: Record<string, string> = { ...req.headers };
  const auth = req.auth ?? true;
  if (auth !== false) headers.authorization = `Basic ${Buffer.from(`${APP_USER}:${auth === true ? a.password : auth}`).toString('base64')}`;
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  if (body) headers['content-length'] = String(body.length);
  const timeoutMs = req.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const r = https.request({ hostname: base.hostname, port: base.port, path: a.pathname, method: a.method, headers, ca: req.agent ? undefined : a.ca, agent: req.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        const data = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, text: data.toString('utf8') });
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const timer = setTimeout(() => r.destroy(new Error(`${a.method} ${a.pathname}: no complete response within ${timeoutMs} ms`)), timeoutMs);
    r.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    r.end(body);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
