import { mkdirSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../harness/app-server';

/**
 * Proof that hostile input wrote nothing outside a temporary directory. The processes under test
 * run in a sandbox (their own cwd and TMPDIR): the cwd must not change at all, TMPDIR may hold
 * nothing named with the run's token (a path that escaped an extraction); the repository
 * and /tmp are shared with other engineers and test workers, so there new entries are allowed
 * unless their name is one the hostile corpus uses; and nowhere on the machine may a name carry
 * the run's token.
 */

/** Directories of the repository that change on their own (builds, caches, other test runs). */
const VOLATILE = /^(\.git|node_modules|\.next[^/]*|\.run|test-results|playwright-report|e2e\/output|coverage)(\/|$)|\.tsbuildinfo$|^next-env\.d\.ts$/;

/** Basenames the hostile corpus gives its entries: none may appear anywhere new. */
export const HOSTILE_BASENAMES = new Set([
  'ssl.key',
  'ssl.cert',
  'config.yaml',
  'pipe',
  'sda',
  'sparse',
  'huge.pem',
  'junk',
  'innocent.crt',
  'short',
  'zeros.crt',
  'extra_ca_certs',
  'docs',
  'passwd',
  'shadow',
]);

export interface Sandbox {
  root: string;
  /** Working directory for the processes under test. */
  cwd: string;
  /** TMPDIR for the processes under test. */
  tmp: string;
  /** Where the test writes its inputs (not part of the unchanged tree). */
  inputs: string;
  remove(): void;
}

export function makeSandbox(prefix: string): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = { cwd: path.join(root, 'cwd'), tmp: path.join(root, 'tmp'), inputs: path.join(root, 'inputs') };
  for (const d of Object.values(dirs)) mkdirSync(d);
  return { root, ...dirs, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Relative paths of everything under `dir`, recursively (symlinks not followed). */
export function listTree(dir: string, skip: RegExp | null = null, maxDepth = 12): string[] {
  const out: string[] = [];
  const walk = (rel: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (skip?.test(p)) continue;
      out.push(p);
      if (e.isDirectory() && depth < maxDepth) walk(p, depth + 1);
    }
  };
  walk('', 0);
  return out.sort();
}

export interface FsState {
  sandbox: string[];
  repo: Set<string>;
  tmpTop: Set<string>;
}

/** The state the "after" check compares against. */
export function snapshotFs(sandbox: Sandbox): FsState {
  return {
    sandbox: [...listTree(sandbox.cwd).map((p) => `cwd/${p}`), ...listTree(sandbox.tmp).map((p) => `tmp/${p}`)],
    repo: new Set(listTree(REPO_ROOT, VOLATILE)),
    tmpTop: new Set(readdirSync(os.tmpdir())),
  };
}

/** Names (anywhere a hostile path could have led) that contain `token`. */
export function namesContaining(token: string): string[] {
  const roots: Array<[string, number]> = [
    [REPO_ROOT, 8],
    [os.tmpdir(), 5],
    ['/tmp', 5],
    ['/var/tmp', 3],
    ['/etc', 2],
    ['/', 1],
    [path.dirname(REPO_ROOT), 2],
    [os.homedir(), 2],
  ];
  const hits = new Set<string>();
  for (const [root, depth] of roots) {
    const skip = root === REPO_ROOT ? /^(\.git|node_modules)(\/|$)/ : /(^|\/)(proc|sys|dev|node_modules|\.git)(\/|$)/;
    for (const p of listTree(root, skip, depth)) if (p.includes(token)) hits.add(path.join(root, p));
  }
  return [...hits].sort();
}

/**
 * What changed that must not have: the sandbox tree (any change), new repository or /tmp entries
 * whose name the corpus uses, and names carrying the token anywhere. Other new entries in shared
 * places are returned separately, for the log.
 */
export function fsChanges(before: FsState, after: FsState, token: string): { forbidden: string[]; otherNew: string[] } {
  const forbidden: string[] = [];
  // The working directory must not change at all; TMPDIR may (tsx keeps its compile cache there).
  const cwdBefore = new Set(before.sandbox.filter((p) => p.startsWith('cwd/')));
  const cwdAfter = new Set(after.sandbox.filter((p) => p.startsWith('cwd/')));
  for (const p of cwdAfter) if (!cwdBefore.has(p)) forbidden.push(`sandbox: new ${p}`);
  for (const p of cwdBefore) if (!cwdAfter.has(p)) forbidden.push(`sandbox: removed ${p}`);
  const otherNew: string[] = [];
  const judge = (where: string, p: string) => {
    const base = path.basename(p);
    if (p.includes(token) || (where !== 'TMPDIR' && (HOSTILE_BASENAMES.has(base) || /evil/i.test(base)))) forbidden.push(`${where}: new ${p}`);
    else otherNew.push(`${where}: ${p}`);
  };
  const tmpBefore = new Set(before.sandbox.filter((p) => p.startsWith('tmp/')));
  for (const p of after.sandbox) if (p.startsWith('tmp/') && !tmpBefore.has(p)) judge('TMPDIR', p);
  for (const p of after.repo) if (!before.repo.has(p)) judge('repo', p);
  for (const p of after.tmpTop) if (!before.tmpTop.has(p)) judge(os.tmpdir(), p);
  for (const p of namesContaining(token)) forbidden.push(`token found: ${p}`);
  return { forbidden, otherNew };
}
