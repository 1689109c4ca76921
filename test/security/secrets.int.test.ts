import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../lib/cli/main';
import type { ValidationReport } from '../../lib/report/types';
import { tgzOf } from '../../lib/bundle/fixtures/tar-builder';
import { REPO_ROOT, startAppServer, type AppServer } from '../harness/app-server';
import { closedPort, startHangingServer, type HangingServer } from '../harness/scenarios';
import { makeSandbox, type Sandbox } from '../reliability/fs-guard';
import { failingConfig, leaksIn, makeKeys, makeMarkers, malformedConfig, secretFiles, secretForms, type Json, type Target } from './secret-configs';

/**
 * No secret ever leaves quay-config: markers planted in every secret-bearing key (and private keys
 * planted as files) go through configs that fail in every way — wrong credentials against the
 * real harness services, closed ports, servers that never answer, malformed values, unreadable
 * YAML and JSON — and through every channel: the CLI (in-process and the real binary, JSON and
 * table), the v2 and v1 APIs (JSON and tar.gz bodies, NDJSON streams, {error} replies) and the
 * server's own stdout/stderr. None of them may contain a marker in any form.
 */

const h = inject('harness');
const m = makeMarkers();
const keys = makeKeys();
const forms = secretForms(m, keys);
let server: AppServer;
let sandbox: Sandbox;
let hanging: HangingServer;
let ports = { closed: 0, hanging: 0 };

beforeAll(async () => {
  hanging = await startHangingServer();
  ports = { closed: await closedPort(), hanging: hanging.port };
  sandbox = makeSandbox('qc-secrets-');
  server = await startAppServer({ cwd: sandbox.cwd, env: { TMPDIR: sandbox.tmp } });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await hanging?.close();
  sandbox?.remove();
});

function expectNoLeak(where: string, text: string): void {
  expect(leaksIn(text, forms), `secret material in ${where}`).toEqual([]);
}

interface Scenario {
  name: string;
  config: () => Record<string, Json>;
  files: () => Record<string, string>;
  mode: 'online' | 'offline';
  timeoutMs: number;
}

const failing = (target: Target, auth: 'LDAP' | 'Keystone') => () => failingConfig(h, m, target, ports, auth);
const scenarios: Scenario[] = [
  { name: 'wrong credentials against the real services (LDAP auth)', config: failing('real', 'LDAP'), files: () => secretFiles(h, keys, false), mode: 'online', timeoutMs: 4000 },
  { name: 'wrong credentials against the real services (Keystone auth)', config: failing('real', 'Keystone'), files: () => secretFiles(h, keys, false), mode: 'online', timeoutMs: 4000 },
  { name: 'every service on a closed port', config: failing('closed', 'LDAP'), files: () => secretFiles(h, keys, false), mode: 'online', timeoutMs: 1500 },
  { name: 'every service hanging', config: failing('hanging', 'Keystone'), files: () => secretFiles(h, keys, false), mode: 'online', timeoutMs: 700 },
  { name: 'malformed values, offline', config: () => malformedConfig(m), files: () => secretFiles(h, keys, true), mode: 'offline', timeoutMs: 700 },
  { name: 'malformed values, online', config: () => malformedConfig(m), files: () => secretFiles(h, keys, true), mode: 'online', timeoutMs: 700 },
];

/** Writes a bundle directory (config.yaml as JSON, which is YAML, plus the files) for the CLI. */
function bundleDir(s: Scenario, name: string): string {
  const dir = path.join(sandbox.inputs, name);
  mkdirSync(path.join(dir, 'extra_ca_certs'), { recursive: true });
  writeFileSync(path.join(dir, 'config.yaml'), JSON.stringify(s.config(), null, 1));
  for (const [file, text] of Object.entries(s.files())) writeFileSync(path.join(dir, file), text);
  return dir;
}

function jsonBundle(s: Scenario): string {
  const certs = Object.fromEntries(Object.entries(s.files()).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return JSON.stringify({ 'config.yaml': s.config(), certs });
}

function runChild(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/quay-config.cjs'), ...args], {
      cwd: sandbox.cwd,
      env: { ...process.env, TMPDIR: sandbox.tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

const groupsWithAuthFailures = (report: ValidationReport) => report.groups.filter((g) => g.findings.some((f) => f.severity === 'error' && f.stage === 'auth')).map((g) => g.group);

describe.each(scenarios.map((s, i) => [s.name, s, i] as const))('%s', (_name, s, i) => {
  const query = `mode=${s.mode}&timeoutMs=${s.timeoutMs}`;

  it('CLI in-process (--json): the report carries no secret', async () => {
    let out = '';
    let err = '';
    const code = await main(['validate', bundleDir(s, `inproc-${i}`), '--mode', s.mode, '--timeout-ms', String(s.timeoutMs), '--json'], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      env: { ...process.env, NODE_ENV: 'test' },
    });
    expect(code).toBe(1);
    expectNoLeak('CLI stdout', out);
    expectNoLeak('CLI stderr', err);
    const report = JSON.parse(out) as ValidationReport;
    expect(report.valid).toBe(false);
    if (s.name.startsWith('wrong credentials')) {
      // The probes really sent the planted credentials and were turned away.
      expect(groupsWithAuthFailures(report)).toEqual(
        expect.arrayContaining(['Database', 'DistributedStorage', 'Email', 'ElasticSearch', 'GitHubLogin', 'OIDC', 'Redis', 'SecurityScanner', s.name.includes('LDAP') ? 'LDAP' : 'Keystone']),
      );
    }
  });

  it('CLI binary, JSON and table output: nothing on stdout or stderr', async () => {
    const dir = bundleDir(s, `child-${i}`);
    for (const extra of [['--json'], []]) {
      const r = await runChild(['validate', dir, '--mode', s.mode, '--timeout-ms', String(s.timeoutMs), ...extra]);
      expect(r.code, r.err).toBe(1);
      expectNoLeak(`CLI binary stdout ${extra.join(' ')}`, r.out);
      expectNoLeak(`CLI binary stderr ${extra.join(' ')}`, r.err);
    }
  });

  it('API v2 validate (JSON bundle and tar.gz body) and the NDJSON stream', async () => {
    const json = jsonBundle(s);
    const archive = tgzOf([{ name: 'config.yaml', data: JSON.stringify(s.config()) }, ...Object.entries(s.files()).map(([name, data]) => ({ name, data }))]);
    for (const [endpoint, body, type] of [
      [`/api/v2/validate?${query}`, json, 'application/json'],
      [`/api/v2/validate?${query}`, archive, 'application/gzip'],
      [`/api/v2/validate/stream?${query}`, json, 'application/json'],
    ] as const) {
      const r = await server.request('POST', endpoint, { body, headers: { 'content-type': type } });
      expect(r.status, r.text.slice(0, 300)).toBe(200);
      expectNoLeak(`${endpoint} (${type})`, r.text);
    }
  });

  it('API v1 validate (config-tool shape)', async () => {
    const r = await server.request('POST', `/api/v1/config/validate?mode=${s.mode}`, { body: jsonBundle(s), headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
    expect((JSON.parse(r.text) as unknown[]).length).toBeGreaterThan(0);
    expectNoLeak('v1 validate', r.text);
  });
});

/** Requests that are refused: their {error} bodies must not quote the secret they tripped over. */
const refusedBodies: Array<[string, string, string]> = [
  ['unclosed quote on the password line', 'application/yaml', `SERVER_HOSTNAME: q.example.com\nDB_URI: "postgresql://quay:${m.dbPass}@db/quay\nX: 1\n`],
  ['nested mapping on the password line', 'application/yaml', `LDAP_ADMIN_PASSWD: ${m.ldapPass}: x\n`],
  ['tab after the secret', 'application/yaml', `SECRET_KEY: ${m.secretKey}\n\tBAD: 1\n`],
  ['unknown tag on the secret', 'application/yaml', `MAIL_PASSWORD: !vault ${m.smtpPass}\n`],
  ['control character in the secret', 'application/yaml', `MAIL_PASSWORD: ${m.smtpPass}\u0007\n`],
  ['a secret as a top-level scalar', 'application/yaml', `${m.redisPass}\n`],
  ['JSON syntax error at the password', 'application/json', `{"config.yaml": {"LDAP_ADMIN_PASSWD": ${m.ldapPass}}}`],
  ['JSON syntax error after the password', 'application/json', `{"config.yaml": {"DB_URI": "postgresql://quay:${m.dbPass}@db/quay" "X": 1}}`],
  ['a private key that is not base64', 'application/json', JSON.stringify({ 'config.yaml': { SERVER_HOSTNAME: 'q' }, certs: { 'ssl.key': keys.sslKey } })],
  ['the config as a string', 'application/json', JSON.stringify({ 'config.yaml': `SECRET_KEY: ${m.secretKey}` })],
];

describe('refused requests carrying secrets', () => {
  const endpoints = [
    '/api/v2/validate?mode=offline',
    '/api/v2/validate/stream?mode=offline',
    '/api/v2/bundle/parse',
    '/api/v2/bundle/download',
    '/api/v2/bundle/k8s-secret?name=quay-config',
    '/api/v1/config/validate',
    '/api/v1/config/download',
  ];

  it.each(refusedBodies)('%s: a 4xx whose {error} quotes no secret, on every endpoint and in the CLI', async (_name, type, body) => {
    for (const endpoint of endpoints) {
      const r = await server.request('POST', endpoint, { body, headers: { 'content-type': type } });
      expect(r.status, `${endpoint}: ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expectNoLeak(`${endpoint} error body`, r.text);
    }
    if (type === 'application/yaml') {
      const file = path.join(sandbox.inputs, `refused-${refusedBodies.findIndex((b) => b[2] === body)}.yaml`);
      writeFileSync(file, body);
      let out = '';
      const code = await main(['validate', file, '--mode', 'offline'], { out: (t) => (out += t), err: (t) => (out += t), env: { ...process.env, NODE_ENV: 'test' } });
      expect(code).toBe(2);
      expectNoLeak('CLI error', out);
    }
  });
});

describe('the server process', () => {
  it('printed no secret on stdout or stderr during all of the above', () => {
    expect(server.output()).toContain('listening on');
    expectNoLeak('server stdout/stderr', server.output());
  });
});
