import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleFromArchive } from '../../lib/bundle/read';
import type { ValidationReport } from '../../lib/report/types';
import { hostileCorpus, type HostileCase } from '../fixtures/hostile';
import { REPO_ROOT, startAppServer, type AppResponse, type AppServer } from '../harness/app-server';
import { fsChanges, makeSandbox, snapshotFs, type FsState, type Sandbox } from './fs-guard';
import { expectErrorBody, expectNoInternals, expectReadableReport, fieldMatches } from './hostile-expect';

/**
 * Every hostile body through the real server (HTTPS, auth, Next's route handlers): raw archives
 * and YAML as they would be uploaded, JSON bundles as the wizard and config-tool clients send
 * them, to every endpoint that reads a bundle. Malformed requests get a 4xx `{"error"}` naming the
 * problem; readable configs a 200 report with `valid: false`; never a 5xx, a dropped connection,
 * a hang or a stack trace; and nothing is written outside the server's temporary directory.
 */

const TOKEN = `qc${randomBytes(5).toString('hex')}`;
const corpus = hostileCorpus(TOKEN).filter((c) => c.raw || c.json);
let server: AppServer;
let sandbox: Sandbox;
let before: FsState;

/** Every endpoint that reads a bundle (any body) and those that write one (JSON bundles only). */
const K8S = existsSync(path.join(REPO_ROOT, 'app/api/v2/bundle/k8s-secret/route.ts')) ? ['/api/v2/bundle/k8s-secret?name=quay-config-bundle'] : [];
const READERS = ['/api/v2/validate?mode=offline', '/api/v2/validate/stream?mode=offline', '/api/v2/bundle/parse', '/api/v1/config/validate?mode=offline', ...K8S];
const WRITERS = ['/api/v2/bundle/download', '/api/v1/config/download'];

beforeAll(async () => {
  sandbox = makeSandbox('qc-hostile-api-');
  server = await startAppServer({ cwd: sandbox.cwd, env: { TMPDIR: sandbox.tmp } });
  before = snapshotFs(sandbox);
}, 600_000);

afterAll(async () => {
  await server?.stop();
  sandbox?.remove();
});

async function post(endpoint: string, body: Buffer, contentType: string): Promise<AppResponse> {
  return server.request('POST', endpoint, { body, headers: { 'content-type': contentType }, timeoutMs: 60_000 });
}

function expectRefused(r: AppResponse, c: HostileCase, endpoint: string): void {
  if (c.expect.kind !== 'unreadable') return;
  expect(r.status, `${endpoint}: ${r.text.slice(0, 300)}`).toBe(c.expect.status);
  expect(String(r.headers['content-type'])).toMatch(/^application\/json/);
  expectErrorBody(r.text, c.expect.apiSays ?? c.expect.says);
}

/** What a 200 from each endpoint must hold for a readable hostile config. */
async function expectAccepted(r: AppResponse, c: HostileCase, endpoint: string): Promise<void> {
  if (c.expect.kind !== 'readable') return;
  const want = c.expect;
  if (endpoint.includes('k8s-secret') && r.status === 422) {
    // A config too big for a Secret (1 MiB) is a refusal with a reason, not a failure.
    expectErrorBody(r.text, '');
    return;
  }
  expect(r.status, `${endpoint}: ${r.text.slice(0, 300)}`).toBe(200);
  expectNoInternals(r.text.slice(0, 100_000));
  if (endpoint.startsWith('/api/v2/validate/stream')) {
    const events = r.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string } & ValidationReport);
    expect(events[0]?.event).toBe('start');
    expect(events.at(-1)?.event).toBe('done');
    expect(events.filter((e) => e.event === 'group')).toHaveLength(events.at(-1)?.groups.length ?? -1);
    expectReadableReport(events.at(-1) as ValidationReport, want);
  } else if (endpoint.startsWith('/api/v2/validate')) {
    expectReadableReport(JSON.parse(r.text) as ValidationReport, want);
  } else if (endpoint.startsWith('/api/v1/config/validate')) {
    const errors = JSON.parse(r.text) as Array<{ FieldGroup: string; Tags: string[]; Message: string }>;
    expect(Array.isArray(errors)).toBe(true);
    if ((want.severity ?? 'error') === 'error' && want.field) {
      const field = want.field;
      expect(
        errors.some((e) => e.Tags.some((t) => fieldMatches(t, field))),
        `v1: no error tagged ${field}`,
      ).toBe(true);
    }
  } else if (endpoint === '/api/v2/bundle/parse') {
    const parsed = JSON.parse(r.text) as { 'config.yaml'?: unknown; findings?: unknown };
    expect(typeof parsed['config.yaml']).toBe('object');
    expect(Array.isArray(parsed.findings)).toBe(true);
  } else if (endpoint.endsWith('download')) {
    expect(String(r.headers['content-type'])).toBe('application/gzip');
    // What we hand out must itself be a bundle we accept, with nothing outside the layout.
    const bundle = await readBundleFromArchive(r.body, 'download');
    for (const name of bundle.files.keys()) expect(name).toMatch(/^(extra_ca_certs\/)?[^/]+$/);
  } else {
    // The Kubernetes Secret manifest.
    expect(String(r.headers['content-type'])).toMatch(/^application\/yaml/);
    expect(r.text).toMatch(/^apiVersion: v1\nkind: Secret\n/m);
  }
}

describe('hostile bodies through the API of a running server', () => {
  it('has a corpus of at least 50 distinct request bodies', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const attempts: Array<[string, Buffer, string]> = [];
    if (c.raw) for (const e of READERS) attempts.push([e, c.raw.bytes, c.raw.contentType]);
    if (c.json) for (const e of [...READERS, ...WRITERS]) attempts.push([e, c.json, 'application/json']);
    for (const [endpoint, body, type] of attempts) {
      const r = await post(endpoint, body, type);
      expect(r.status, `${endpoint} answered ${r.status}: ${r.text.slice(0, 300)}`).toBeLessThan(500);
      if (c.expect.kind === 'unreadable') expectRefused(r, c, endpoint);
      else await expectAccepted(r, c, endpoint);
    }
  });
});

describe('after the hostile corpus', () => {
  it('the server is still healthy and logged no internal error or stack trace', async () => {
    const r = await server.request('GET', '/api/v2/health', { auth: false });
    expect(r.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/internal error|\n\s+at .+:\d+:\d+|Unhandled|uncaught/i);
  });

  it('wrote nothing outside its temporary directory', () => {
    const { forbidden, otherNew } = fsChanges(before, snapshotFs(sandbox), TOKEN);
    if (otherNew.length) console.info(`new entries in shared places (other workers):\n${otherNew.join('\n')}`);
    expect(forbidden).toEqual([]);
  });
});
