import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Files tracked by git with their modes (what a fresh clone, and so a docker build context, holds). */
export function trackedFiles(): Map<string, string> {
  const out = execFileSync('git', ['-C', ROOT, 'ls-files', '-s', '-z'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const files = new Map<string, string>();
  for (const entry of out.split('\0').filter(Boolean)) {
    const m = /^(\d+) [0-9a-f]+ \d+\t(.+)$/.exec(entry);
    // Deleted in the working tree but not yet committed: not in a build context made from this tree.
    if (m?.[1] && m[2] && existsSync(path.join(ROOT, m[2]))) files.set(m[2], m[1]);
  }
  return files;
}

/** True when `p` is a tracked file or a directory holding at least one tracked file. */
export function inRepo(tracked: Map<string, string>, p: string): boolean {
  const clean = p.replace(/^\.\//, '').replace(/\/$/, '');
  if (tracked.has(clean)) return true;
  for (const f of tracked.keys()) if (f.startsWith(`${clean}/`)) return true;
  return false;
}

/** `.dockerignore` patterns as matchers (`*`, `**`, `?`; `!` exceptions are applied in order). */
export function dockerignore(): (p: string) => boolean {
  const file = path.join(ROOT, '.dockerignore');
  const rules = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => ({ negate: l.startsWith('!'), re: globToRegExp(l.replace(/^!/, '').replace(/^\/+|\/+$/g, '')) }))
    : [];
  return (p) => {
    let ignored = false;
    const parts = p.split('/');
    for (const rule of rules) {
      // A pattern that matches a parent directory excludes everything under it.
      if (parts.some((_, i) => rule.re.test(parts.slice(0, i + 1).join('/')))) ignored = !rule.negate;
    }
    return ignored;
  };
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const SPECIFIERS = [/(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g, /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '.json', '/index.ts', '/index.tsx'];

/**
 * The files a source file imports (relative and `@/` specifiers; packages are left to npm),
 * resolved in the working tree, which is what a build context holds (files being written by
 * someone else may not be committed yet). An import that resolves to nothing is `{ missing }`.
 */
export function localImports(file: string): Array<{ resolved: string } | { missing: string }> {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found: Array<{ resolved: string } | { missing: string }> = [];
  for (const pattern of SPECIFIERS) {
    for (const m of text.matchAll(pattern)) {
      const spec = m[1] as string;
      let base: string | null = null;
      if (spec.startsWith('./') || spec.startsWith('../')) base = path.posix.join(path.posix.dirname(file), spec);
      else if (spec.startsWith('@/')) base = spec.slice(2);
      if (base === null) continue;
      const hit = EXTENSIONS.map((ext) => base + ext).find((candidate) => isFile(path.join(ROOT, candidate)));
      found.push(hit ? { resolved: hit } : { missing: `${spec} (from ${file})` });
    }
  }
  return found;
}

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

const PACKAGE_SPECIFIERS = [...SPECIFIERS, /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g, /\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g];

/**
 * The npm packages a source file names in import/export/require/resolve specifiers (`@scope/name`
 * or `name`; Node built-ins, relative and `@/` paths left out). `typeOnly` when every mention is an
 * `import type`/`export type`, which needs the package at type-check time only.
 */
export function packageImports(file: string): Map<string, { typeOnly: boolean }> {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const out = new Map<string, { typeOnly: boolean }>();
  for (const pattern of PACKAGE_SPECIFIERS) {
    for (const m of text.matchAll(pattern)) {
      const spec = m[1] as string;
      if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('@/') || spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
      if (isBuiltin(name) || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name)) continue;
      const typeOnly = /^[\s;]*(?:import|export)\s+type\s/.test(m[0]);
      const seen = out.get(name);
      out.set(name, { typeOnly: (seen?.typeOnly ?? true) && typeOnly });
    }
  }
  return out;
}

function isBuiltin(name: string): boolean {
  return builtinModules.includes(name);
}
