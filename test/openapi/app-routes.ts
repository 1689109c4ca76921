import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One `route.ts` under app/api: the URL path it serves (OpenAPI style) and the methods it exports. */
export interface AppRoute {
  file: string;
  path: string;
  methods: string[];
}

export const APP_DIR = path.resolve(import.meta.dirname, '../../app');

const METHOD_NAMES = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/**
 * Every route handler file under app/api, with the HTTP methods it exports, read from the source
 * (`export const GET =`, `export async function POST(`, `export { x as DELETE }`), so nothing is
 * imported or executed. Route groups `(x)` vanish from the URL; `[id]` and `[...rest]` become `{id}`.
 */
export function appApiRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name))
        routes.push({ file: path.relative(APP_DIR, full), path: urlPath(path.relative(APP_DIR, dir)), methods: exportedMethods(readFileSync(full, 'utf8')) });
    }
  };
  walk(path.join(APP_DIR, 'api'));
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

function urlPath(relativeDir: string): string {
  const segments = relativeDir
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]\]?$/, '{$1}'));
  return '/' + segments.join('/');
}

export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const declared = /export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g;
  for (const m of source.matchAll(declared)) found.add(m[1] as string);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const spec of (m[1] as string).split(',')) {
      const name = spec
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) found.add(name);
    }
  }
  return METHOD_NAMES.filter((m) => found.has(m));
}
