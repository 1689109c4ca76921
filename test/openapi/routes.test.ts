import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../lib/openapi/document';
import { HTTP_METHODS, type Operation } from '../../lib/openapi/types';
import { isPublicRoute } from '../../lib/server/auth';
import { appApiRoutes, exportedMethods } from './app-routes';

const doc = openApiDocument();
const routes = appApiRoutes();

/** `METHOD /path` for every route handler export, and for every operation in the document. */
const served = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
const documented = Object.entries(doc.paths)
  .flatMap(([p, item]) => HTTP_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${p}`))
  .sort();

function operations(): Array<{ method: string; path: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([p, item]) => HTTP_METHODS.flatMap((m) => (item[m] ? [{ method: m.toUpperCase(), path: p, op: item[m] as Operation }] : [])));
}

describe('the OpenAPI document covers app/api exactly', () => {
  it('finds the route files and their methods', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(served).toContain('GET /api/v2/openapi.json');
    expect(served).toContain('DELETE /api/v2/session');
    expect(routes.every((r) => r.methods.length > 0)).toBe(true);
  });

  it('documents every route and method that exists', () => {
    expect(served.filter((s) => !documented.includes(s))).toEqual([]);
  });

  it('documents no route or method that does not exist', () => {
    expect(documented.filter((d) => !served.includes(d))).toEqual([]);
  });

  it('marks exactly the routes the server lets through without credentials as security: []', () => {
    for (const { method, path, op } of operations()) {
      const open = op.security !== undefined && op.security.length === 0;
      expect(`${method} ${path}: ${open ? 'public' : 'auth'}`).toBe(`${method} ${path}: ${isPublicRoute(method, path) ? 'public' : 'auth'}`);
      if (!open) expect(Object.keys(op.responses), `${method} ${path}`).toContain('401');
    }
    expect(doc.paths['/api/v2/health']?.get?.security).toEqual([]);
  });

  it('reads methods from the forms a route file can export them in', () => {
    const source = [
      'export const GET = handle(x);',
      'export async function POST(request: Request) {}',
      'export function HEAD() {}',
      'const remove = 1; export { remove as DELETE, other };',
      'export const dynamic = "force-dynamic"; export const runtime = "nodejs";',
    ].join('\n');
    expect(exportedMethods(source)).toEqual(['GET', 'HEAD', 'POST', 'DELETE']);
  });
});
