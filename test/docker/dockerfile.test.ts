import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPublicRoute } from '../../lib/server/auth';
import { destinationOf, parseDockerfile, type CopyInstruction } from './dockerfile';
import { dockerignore, inRepo, localImports, ROOT, trackedFiles } from './repo-files';

const dockerfile = parseDockerfile(path.join(ROOT, 'Dockerfile'));
const tracked = trackedFiles();
const ignored = dockerignore();
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

const buildStage = dockerfile.runs.find((r) => /next(\/dist\/bin\/next)? build/.test(r.command))?.stage;
const finalStage = dockerfile.stages.at(-1);
const workdirOf = (stage: string) => dockerfile.stages.find((s) => s.name === stage)?.workdir ?? '/';

/** App-relative paths that end up in a stage's WORKDIR, and where they came from. */
function pathsIn(stage: string): Map<string, CopyInstruction> {
  const out = new Map<string, CopyInstruction>();
  for (const copy of dockerfile.copies.filter((c) => c.stage === stage)) {
    for (const source of copy.sources) {
      const dest = path.posix.relative(workdirOf(stage), destinationOf(copy, source));
      if (!dest.startsWith('..')) out.set(dest, copy);
    }
  }
  return out;
}

/** Paths a RUN in the stage creates: dependencies, the Next build, directories made on purpose. */
function createdBy(stage: string): Set<string> {
  const made = new Set<string>();
  for (const { command } of dockerfile.runs.filter((r) => r.stage === stage)) {
    if (/\bnpm (ci|install)\b/.test(command)) made.add('node_modules');
    if (/next(\/dist\/bin\/next)? build/.test(command)) made.add('.next');
    if (/scripts\/build-cli\.mjs/.test(command)) made.add('dist');
    for (const m of command.matchAll(/mkdir -p ((?:[\w./-]+\s*)+)/g)) for (const d of (m[1] as string).trim().split(/\s+/)) made.add(d);
  }
  return made;
}

/** Files a `RUN find <dir> -name '<glob>' -delete` removes before the build. */
function deletedInBuild(file: string): boolean {
  return dockerfile.runs
    .filter((r) => r.stage === buildStage)
    .some(({ command }) =>
      [...command.matchAll(/find (\S+) -name '([^']+)' -delete/g)].some(
        (m) => file.startsWith(`${m[1]}/`) && new RegExp(`^${(m[2] as string).replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(path.posix.basename(file)),
      ),
    );
}

const binDirs = Object.values(pkg.bin).map((b) => b.replace(/^\.\//, '').split('/')[0] as string);
const publicTracked = inRepo(tracked, 'public');
/** What `next build` needs (sources, config) and what the server and the CLI load at run time. */
const BUILD_NEEDS = ['package.json', 'package-lock.json', 'tsconfig.json', 'next.config.mjs', 'app', 'components', 'lib', 'schema', ...binDirs, ...(publicTracked ? ['public'] : [])];
const RUNTIME_NEEDS = ['package.json', 'next.config.mjs', 'tsconfig.json', 'node_modules', '.next', 'dist', 'lib', 'schema', 'public', 'scripts/cli-bundle.cjs', ...binDirs];

describe('Dockerfile', () => {
  it('has a build stage running next build and a runtime stage', () => {
    expect(buildStage).toBeDefined();
    expect(finalStage?.name).not.toBe(buildStage);
    expect(new Set(dockerfile.stages.map((s) => s.base))).toEqual(new Set(['node:22-bookworm-slim']));
  });

  it('COPYs from the build context only paths that are in the repository and not dockerignored', () => {
    const problems = dockerfile.copies
      .filter((c) => c.from === null)
      .flatMap((c) => c.sources.map((s) => ({ s, line: c.line })))
      .filter(({ s }) => !inRepo(tracked, s) || ignored(s))
      .map(({ s, line }) => `line ${line}: ${s} ${inRepo(tracked, s) ? 'is excluded by .dockerignore' : 'is not in the repository'}`);
    expect(problems).toEqual([]);
  });

  it('gives next build every top-level path the app is built from', () => {
    const copied = pathsIn(buildStage as string);
    expect(BUILD_NEEDS.filter((p) => !copied.has(p) || copied.get(p)?.from !== null)).toEqual([]);
  });

  it('gives the runtime stage every path the server and the CLI load, each produced by the build stage', () => {
    const runtime = pathsIn(finalStage?.name as string);
    expect(RUNTIME_NEEDS.filter((p) => !runtime.has(p))).toEqual([]);
    const produced = new Set([...pathsIn(buildStage as string).keys(), ...createdBy(buildStage as string)]);
    const fromBuild = dockerfile.copies.filter((c) => c.stage === finalStage?.name && c.from === buildStage);
    const notProduced = fromBuild
      .flatMap((c) => c.sources)
      .map((s) => path.posix.relative(workdirOf(buildStage as string), s))
      .filter((s) => !produced.has(s));
    expect(notProduced).toEqual([]);
  });

  it('builds from sources whose imports stay inside what was copied (tests removed first)', () => {
    const copied = [...pathsIn(buildStage as string).keys()];
    const inCopied = (f: string) => copied.some((c) => f === c || f.startsWith(`${c}/`));
    const sources = [...tracked.keys()].filter((f) => inCopied(f) && /\.(ts|tsx|mjs)$/.test(f) && !deletedInBuild(f));
    const problems = sources.flatMap((f) =>
      localImports(f).flatMap((i) => ('missing' in i ? [`unresolved ${i.missing}`] : inCopied(i.resolved) ? [] : [`${f} imports ${i.resolved}, which is not copied`])),
    );
    expect([...new Set(problems)]).toEqual([]);
    expect(sources.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('runs the CLI and the server from lib/ and bin/ without anything the runtime stage lacks', () => {
    const runtime = [...pathsIn(finalStage?.name as string).keys()];
    const inRuntime = (f: string) => runtime.some((c) => f === c || f.startsWith(`${c}/`));
    const sources = [...tracked.keys()].filter((f) => /^(lib|bin)\//.test(f) && /\.(ts|mjs)$/.test(f) && !deletedInBuild(f));
    const problems = sources.flatMap((f) => localImports(f).flatMap((i) => ('missing' in i || inRuntime(i.resolved) ? [] : [`${f} imports ${i.resolved}`])));
    expect([...new Set(problems)]).toEqual([]);
  });

  it('starts the executable entrypoint as a non-root user, exposes 8443 and health-checks a public route', () => {
    const entry = dockerfile.copies.find((c) => c.sources.includes('docker/entrypoint.sh') && c.stage === finalStage?.name);
    expect(entry && dockerfile.entrypoint?.[0]).toBeTruthy();
    expect([entry?.dest, path.posix.basename(entry?.dest ?? '')]).toContain(dockerfile.entrypoint?.[0]);
    expect(tracked.get('docker/entrypoint.sh')).toBe('100755');
    const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const user = /^USER\s+(\S+)/m.exec(text)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user?.split(':')[0]);
    expect(text).toMatch(/^EXPOSE 8443$/m);
    const health = /path:'([^']+)'/.exec(/^HEALTHCHECK.*$/m.exec(text.replace(/\\\n/g, ' '))?.[0] ?? '')?.[1];
    expect(health).toBe('/api/v2/health');
    expect(isPublicRoute('GET', health as string)).toBe(true);
  });
});
