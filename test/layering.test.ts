/**
 * Keeps the layering of lib/ (ARCHITECTURE.md "Layers"): reads the import graph of every
 * TypeScript file under lib/ with the compiler's own import scanner and checks that
 * - the report module (lib/report/) is a leaf: it imports nothing else from the project;
 * - nothing under lib/ imports components/ or app/;
 * - there is no import cycle between files of lib/;
 * - nor between the folders of lib/ (lib/probes → lib/fieldgroups and back, say), which is what
 *   makes a layer: every arrow between two folders points one way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The project file an import names (`@/…` or relative), or null for a package import. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* not this one */
    }
  }
  throw new Error(`${rel(from)}: cannot resolve import '${specifier}'`);
}

/** Every lib/ file (tests included) → the project files it imports (type-only imports included). */
const graph = new Map<string, string[]>(
  sourcesUnder(path.join(ROOT, 'lib')).map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t): t is string => t !== null);
    return [rel(file), [...new Set(targets.map(rel))]];
  }),
);

/** The strongly connected components with more than one member (Tarjan), each sorted. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** `lib/fieldgroups/redis/index.ts` → `lib/fieldgroups`. */
const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');

describe('layering of lib/', () => {
  it('reads a plausible graph', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('lib/validation/run.ts')).toContain('lib/report/types.ts');
  });

  it('keeps lib/report a leaf: it imports nothing else from the project', () => {
    const outward = [...graph]
      .filter(([file]) => file.startsWith('lib/report/') && !isTest(file))
      .flatMap(([file, targets]) => targets.filter((t) => !t.startsWith('lib/report/')).map((t) => `${file} → ${t}`));
    expect(outward).toEqual([]);
  });

  it('never imports components/ or app/ from lib/', () => {
    // Tests are not part of the layering: lib/api/operator.test.ts drives its route handler.
    const upward = [...graph].filter(([file]) => !isTest(file)).flatMap(([file, targets]) => targets.filter((t) => /^(components|app)\//.test(t)).map((t) => `${file} → ${t}`));
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      if (isTest(file)) continue; // a test may drive the pipeline from any folder
      const from = folderOf(file);
      const to = targets
        .filter((t) => t.startsWith('lib/'))
        .map(folderOf)
        .filter((f) => f !== from);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(cycles(folders)).toEqual([]);
  });
});
