import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../harness/app-server';
import { ROOT } from './repo-files';

const ENTRYPOINT = path.join(ROOT, 'docker/entrypoint.sh');

interface Layout {
  stack: string;
  tls: string;
  app: string;
}

/** Empty /conf/stack, /conf/tls and /app stand-ins. */
function layout(): Layout {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-entrypoint-'));
  const l = { stack: path.join(dir, 'stack'), tls: path.join(dir, 'tls'), app: path.join(dir, 'app') };
  for (const d of Object.values(l)) mkdirSync(d);
  return l;
}

function touch(dir: string, ...names: string[]): void {
  for (const n of names) writeFileSync(path.join(dir, n), 'x');
}

function entrypoint(l: Layout, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('bash', [ENTRYPOINT, ...args], {
    encoding: 'utf8',
    // Next's types make ProcessEnv.NODE_ENV required.
    env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '/usr/bin:/bin', CONF_STACK: l.stack, CONF_TLS: l.tls, APP_DIR: l.app, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The command a dry run prints (shell-quoted with %q), split back into its words by bash itself. */
function dryRun(l: Layout, args: string[], env: Record<string, string> = {}): string[] {
  const r = entrypoint(l, args, { QUAY_CONFIG_ENTRYPOINT_DRY_RUN: '1', ...env });
  expect(r.status, r.stderr).toBe(0);
  const words = spawnSync('bash', ['-c', 'eval "set -- $1"; printf "%s\\0" "$@"', '_', r.stdout.trim()], { encoding: 'utf8' });
  return words.stdout.split('\0').slice(0, -1);
}

/** A stand-in for the app: bin/quay-config.cjs printing what it was started with. */
function fakeApp(l: Layout): void {
  mkdirSync(path.join(l.app, 'bin'));
  writeFileSync(path.join(l.app, 'bin', 'quay-config.cjs'), 'console.log(JSON.stringify({ argv: process.argv.slice(2), password: process.env.QUAY_CONFIG_PASSWORD ?? null }));\n');
}

describe('docker/entrypoint.sh', () => {
  it('`config <password>` serves on 8443, with the password in the environment, not in argv', () => {
    const l = layout();
    fakeApp(l);
    const r = entrypoint(l, ['config', 's3cret-pw']);
    expect(r.status).toBe(0);
    const started = JSON.parse(r.stdout) as { argv: string[]; password: string };
    expect(started).toEqual({ argv: ['serve', '--port', '8443', '--host', '0.0.0.0'], password: 's3cret-pw' });
    const printed = dryRun(l, ['config', 's3cret-pw']);
    expect(printed).toEqual(['node', ...SERVER_NODE_FLAGS, `${l.app}/bin/quay-config.cjs`, 'serve', '--port', '8443', '--host', '0.0.0.0']);
  });

  it('starts the server with the Node options of `npm start` and of the test harness (a young generation that returns its memory)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe(['node', ...SERVER_NODE_FLAGS, 'bin/quay-config.cjs', 'serve'].join(' '));
    expect(dryRun(layout(), ['config', 'pw']).slice(1, 1 + SERVER_NODE_FLAGS.length)).toEqual(SERVER_NODE_FLAGS);
    expect(SERVER_NODE_FLAGS).toContain('--max-semi-space-size=4');
  });

  it('takes the password from QUAY_CONFIG_PASSWORD, does not take an option for a password, and passes options on', () => {
    const l = layout();
    fakeApp(l);
    const fromEnv = JSON.parse(entrypoint(l, ['config'], { QUAY_CONFIG_PASSWORD: 'from-env' }).stdout) as { argv: string[]; password: string };
    expect(fromEnv.password).toBe('from-env');
    const withOptions = JSON.parse(entrypoint(l, ['config', '--readonly-groups', 'Database']).stdout) as { argv: string[]; password: string };
    expect(withOptions).toEqual({ argv: ['serve', '--port', '8443', '--host', '0.0.0.0', '--readonly-groups', 'Database'], password: '' });
    const noArgs = JSON.parse(entrypoint(l, []).stdout) as { argv: string[] };
    expect(noArgs.argv[0]).toBe('serve');
  });

  it('preloads /conf/stack only when it holds a config.yaml', () => {
    const l = layout();
    expect(dryRun(l, ['config', 'pw'])).not.toContain('--config-dir');
    touch(l.stack, 'config.yaml');
    const args = dryRun(l, ['config', 'pw']);
    expect(args.slice(args.indexOf('--config-dir'), args.indexOf('--config-dir') + 2)).toEqual(['--config-dir', l.stack]);
  });

  it("uses /conf/tls before the bundle's ssl.cert/ssl.key, and neither when incomplete", () => {
    const l = layout();
    expect(dryRun(l, ['config', 'pw'])).not.toContain('--tls-cert');
    touch(l.stack, 'ssl.cert');
    expect(dryRun(l, ['config', 'pw'])).not.toContain('--tls-cert');
    touch(l.stack, 'ssl.key');
    let args = dryRun(l, ['config', 'pw']);
    expect(args.slice(args.indexOf('--tls-cert'))).toEqual(['--tls-cert', `${l.stack}/ssl.cert`, '--tls-key', `${l.stack}/ssl.key`]);
    touch(l.tls, 'tls.crt');
    const half = entrypoint(l, ['config', 'pw'], { QUAY_CONFIG_ENTRYPOINT_DRY_RUN: '1' });
    expect(half.stderr).toContain('needs both tls.crt and tls.key');
    expect(half.stdout).toContain(`--tls-cert ${l.stack}/ssl.cert`);
    touch(l.tls, 'tls.key');
    args = dryRun(l, ['config', 'pw']);
    expect(args.slice(args.indexOf('--tls-cert'))).toEqual(['--tls-cert', `${l.tls}/tls.crt`, '--tls-key', `${l.tls}/tls.key`]);
  });

  it('turns PORT, HOST, read-only groups and the operator endpoint into serve options', () => {
    const l = layout();
    const args = dryRun(l, ['config', 'pw'], {
      PORT: '9443',
      HOST: '127.0.0.1',
      QUAY_CONFIG_READONLY_GROUPS: 'Database,Redis',
      QUAY_CONFIG_OPERATOR_ENDPOINT: 'http://quay-operator:7071',
    });
    expect(args.slice(2 + SERVER_NODE_FLAGS.length)).toEqual([
      'serve',
      '--port',
      '9443',
      '--host',
      '127.0.0.1',
      '--readonly-groups',
      'Database,Redis',
      '--operator-endpoint',
      'http://quay-operator:7071',
    ]);
  });

  it.each([[['validate', '/conf/stack', '--mode', 'offline', '--json']], [['generate', 'psk']], [['bundle', '/conf/stack', '--k8s-secret', 'quay-config-bundle']], [['help']]])(
    'passes %j through to the CLI unchanged',
    (args) => {
      const l = layout();
      fakeApp(l);
      const r = entrypoint(l, args);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ argv: args, password: null });
    },
  );

  it('rejects an unknown command with exit 2 and the usage', () => {
    const r = entrypoint(layout(), ['registry']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command: registry');
    expect(r.stderr).toContain('usage: IMAGE config');
    expect(r.stdout).toBe('');
  });

  it('execs the real CLI in the container layout (APP_DIR = the repository), keeping its exit code', () => {
    const bad = entrypoint({ ...layout(), app: ROOT }, ['validate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('validate takes exactly one path');
  });
});
