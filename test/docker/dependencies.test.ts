import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageImports, ROOT } from './repo-files';

/**
 * package.json against the sources: the image installs with `npm ci` and then drops devDependencies
 * (`npm prune --omit=dev`), so what the server and the CLI load must be a dependency, what only
 * tests load a devDependency, and nothing may be imported undeclared (it would only work while
 * another package happens to pull it in) or declared unused.
 */

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const deps = new Set(Object.keys(pkg.dependencies));
const devDeps = new Set(Object.keys(pkg.devDependencies));

/** Tracked and new (not ignored) source files of the working tree. */
const files = execFileSync('git', ['-C', ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  .split('\0')
  .filter((f) => /\.(ts|tsx|mjs|cjs|js)$/.test(f) && existsSync(path.join(ROOT, f)));

/** Loaded by the server or the CLI at run time (in the image): not tests, not test or dev tooling. */
const isRuntime = (f: string) => (/^(app|components|lib|bin)\//.test(f) && !/\.test\.tsx?$/.test(f)) || f === 'next.config.mjs' || /^scripts\/cli-[\w-]+\.mjs$/.test(f);

/** Used without being imported by name: the framework and its peer, run by path; the compiler and the formatter. */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  next: 'next build / next start, run as node_modules/next/dist/bin/next',
  'react-dom': "Next's peer dependency: Next renders with it",
  typescript: 'tsc --noEmit in npm test',
  prettier: 'prettier --check in npm test and npm run lint, run as node_modules/prettier/bin/prettier.cjs',
};

const imports = new Map<string, Array<{ file: string; typeOnly: boolean }>>();
for (const file of files) {
  for (const [name, { typeOnly }] of packageImports(file)) imports.set(name, [...(imports.get(name) ?? []), { file, typeOnly }]);
}

describe('package.json dependencies', () => {
  it('declares every package the sources import', () => {
    const undeclared = [...imports].filter(([name]) => !deps.has(name) && !devDeps.has(name)).map(([name, uses]) => `${name} (${uses[0]?.file})`);
    expect(undeclared).toEqual([]);
  });

  it('has what the server and the CLI load at run time in dependencies (the image prunes devDependencies)', () => {
    const wrong = [...imports]
      .filter(([name, uses]) => devDeps.has(name) && uses.some((u) => isRuntime(u.file) && !u.typeOnly))
      .map(([name, uses]) => `${name} (${uses.find((u) => isRuntime(u.file))?.file})`);
    expect(wrong).toEqual([]);
  });

  it('has packages only tests and tooling load in devDependencies', () => {
    const testOnly = [...deps].filter((name) => !(name in USED_WITHOUT_IMPORT) && !(imports.get(name) ?? []).some((u) => isRuntime(u.file) && !u.typeOnly));
    expect(testOnly).toEqual([]);
  });

  it('uses every package it declares (@types/x counts as used when x is)', () => {
    const used = (name: string): boolean => {
      const typed = /^@types\/(.+)$/.exec(name)?.[1];
      if (typed !== undefined) return typed === 'node' || used(typed.includes('__') ? `@${typed.replace('__', '/')}` : typed);
      return imports.has(name) || name in USED_WITHOUT_IMPORT;
    };
    expect([...deps, ...devDeps].filter((name) => !used(name))).toEqual([]);
  });
});

describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { optionalDependencies?: Record<string, string> }>;
  };

  it("lists every locked package's optional dependencies, for every platform (npm ci needs them all)", () => {
    // npm resolves a dependency of node_modules/a/node_modules/b from the closest node_modules up.
    const locate = (from: string, name: string) => {
      for (let dir = from; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
        if (`${dir ? `${dir}/` : ''}node_modules/${name}` in lock.packages) return true;
        if (!dir) return false;
      }
    };
    const missing = Object.entries(lock.packages).flatMap(([at, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !locate(at, name))
        .map((name) => `${name} (optional dependency of ${at || 'the root'})`),
    );
    expect(missing).toEqual([]);
    // The platforms the README promises: Next's compiler for each of them.
    for (const p of ['linux-x64-gnu', 'linux-arm64-gnu', 'darwin-arm64', 'darwin-x64', 'win32-x64-msvc']) expect(lock.packages).toHaveProperty([`node_modules/@next/swc-${p}`]);
  });
});
