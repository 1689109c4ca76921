import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../harness/app-server';

/**
 * The app's route table, read from the file system the way Next builds it: every
 * `app/**\/route.ts` with the HTTP methods it exports, and every `app/**\/page.tsx`. Tests built
 * on it cover routes added later without being edited.
 */

export interface AppRoute {
  /** URL path, with route groups dropped and dynamic segments filled with a sample value. */
  path: string;
  kind: 'api' | 'page';
  methods: string[];
  file: string;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Routes reachable without credentials, by design (lib/server/auth.ts). */
export const PUBLIC_ROUTES = new Set(['GET /api/v2/health', 'HEAD /api/v2/health', 'POST /api/v2/session', 'GET /login', 'HEAD /login']);

export function appRoutes(appDir = path.join(REPO_ROOT, 'app')): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(appDir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        // Private folders (_x) are not routes.
        if (!e.name.startsWith('_')) walk(child);
        continue;
      }
      const urlPath = `/${rel
        .split('/')
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .map(sampleSegment)
        .join('/')}`;
      if (/^route\.(ts|js)$/.test(e.name)) {
        const text = readFileSync(path.join(appDir, child), 'utf8');
        const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(text));
        routes.push({ path: urlPath, kind: 'api', methods, file: `app/${child}` });
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(e.name)) {
        routes.push({ path: urlPath, kind: 'page', methods: ['GET', 'HEAD'], file: `app/${child}` });
      }
    }
  };
  walk('');
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

/** `[id]` → `sample-id`, `[...slug]` → `sample/slug`: any value must be refused alike. */
function sampleSegment(segment: string): string {
  const m = /^\[(\.\.\.)?\[?(\.\.\.)?([^\]]+)\]?\]$/.exec(segment);
  if (!m) return segment;
  return m[1] || m[2] ? `sample/${m[3]}` : `sample-${m[3]}`;
}
