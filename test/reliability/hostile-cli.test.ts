import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import type { ValidationReport } from '../../lib/report/types';
import { hostileCorpus, type HostileCase } from '../fixtures/hostile';
import { REPO_ROOT } from '../harness/app-server';
import { fsChanges, makeSandbox, snapshotFs, type FsState, type Sandbox } from './fs-guard';
import { expectNoInternals, expectReadableReport } from './hostile-expect';

/**
 * Every hostile input that can be a path (archive, config.yaml, bundle directory, special file)
 * through `quay-config validate`: in-process through `main()` for all of them, and through the
 * real binary as a child process for a sample. Unreadable input: exit 2 and a message naming the
 * problem; readable: exit 0/1 and the JSON report. Nothing may be written outside the sandbox.
 */

const TOKEN = `qc${randomBytes(5).toString('hex')}`;
const corpus = hostileCorpus(TOKEN).filter((c) => c.file || c.dir || c.target);
const inputs = new Map<string, string>();
let sandbox: Sandbox;
let before: FsState;

beforeAll(() => {
  sandbox = makeSandbox('qc-hostile-cli-');
  corpus.forEach((c, i) => {
    const dir = path.join(sandbox.inputs, String(i));
    mkdirSync(dir);
    let target = dir;
    if (c.file) writeFileSync((target = path.join(dir, c.file.name)), c.file.bytes);
    else if (c.dir) c.dir((target = path.join(dir, 'bundle')));
    else if (c.target) target = c.target(dir);
    inputs.set(c.name, target);
  });
  before = snapshotFs(sandbox);
});

afterAll(() => sandbox?.remove());

interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** `main()` in this process, with a deadline: a hang fails the case instead of the whole file. */
async function runInProcess(args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`main(${args.join(' ')}) did not return within 25 s`)), 25_000);
  });
  try {
    const code = await Promise.race([main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: { ...process.env, NODE_ENV: 'test' } }), deadline]);
    return { code, out, err };
  } finally {
    clearTimeout(timer);
  }
}

/** The real binary, in the sandbox (its own cwd and TMPDIR), killed after 60 s. */
function runChild(args: string[]): Promise<CliResult & { timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/quay-config.cjs'), ...args], {
      cwd: sandbox.cwd,
      env: { ...process.env, TMPDIR: sandbox.tmp, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), out, err, timedOut });
    });
  });
}

function expectOutcome(c: HostileCase, r: CliResult): void {
  if (c.expect.kind === 'unreadable') {
    expect(r.code, `exit code; stderr: ${r.err.slice(0, 500)}`).toBe(2);
    expect(r.err).toContain(c.expect.says);
    expectNoInternals(r.err);
    // --json still gives automation a report to parse: invalid, one unreadable-input error saying the same.
    const unreadable = JSON.parse(r.out) as ValidationReport;
    expect(unreadable.valid).toBe(false);
    expect(unreadable.groups.flatMap((g) => g.findings)).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable-input', message: expect.stringContaining(c.expect.says) })]);
    return;
  }
  expect(r.err, 'nothing on stderr for a readable config').toBe('');
  const report = JSON.parse(r.out) as ValidationReport;
  expect(r.code).toBe(report.valid ? 0 : 1);
  expectReadableReport(report, c.expect);
}

describe('hostile inputs through quay-config validate (in-process main)', () => {
  it('has a corpus of at least 50 distinct path inputs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const target = inputs.get(c.name) ?? '';
    expectOutcome(c, await runInProcess(['validate', target, '--mode', 'offline', '--json']));
  });
});

describe('readable hostile configs online (probes get the wrong types too), 500 ms per probe', () => {
  const readable = corpus.filter((c) => c.expect.kind === 'readable');
  it.each(readable.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectOutcome(c, await runInProcess(['validate', inputs.get(c.name) ?? '', '--mode', 'online', '--timeout-ms', '500', '--json']));
  });
});

describe('bad usage: exit 2 with a message naming the mistake', () => {
  const config = () => inputs.get('yaml: duplicate keys') ?? '';
  const cases: Array<[string, () => string[], string]> = [
    ['an unknown option', () => ['validate', config(), '--evil'], "Unknown option '--evil'"],
    ['an unknown mode', () => ['validate', config(), '--mode', 'testing'], '--mode must be online or offline, not "testing"'],
    ['a timeout that is not a number', () => ['validate', config(), '--timeout-ms', '1e999'], '--timeout-ms must be an integer'],
    ['a negative timeout', () => ['validate', config(), '--timeout-ms', '-5'], '--timeout-ms'],
    ['an unknown field group', () => ['validate', config(), '--groups', 'Database,HostSettigns'], 'unknown field group(s): HostSettigns'],
    ['no path', () => ['validate'], 'validate'],
    ['two paths', () => ['validate', config(), config()], 'validate'],
    ['an unknown command', () => ['validat', config()], 'unknown command "validat"'],
  ];
  it.each(cases)('%s', async (_name, args, says) => {
    const r = await runInProcess(args());
    expect(r.code).toBe(2);
    expect(r.err).toContain(says);
    expect(r.out).toBe('');
    expectNoInternals(r.err);
  });
});

describe('hostile inputs through the quay-config binary (child process)', () => {
  const sample = corpus.filter((c) => c.child);

  it.each(sample.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await runChild(['validate', inputs.get(c.name) ?? '', '--mode', 'offline', '--json']);
    expect(r.timedOut, 'the CLI was still running after 60 s').toBe(false);
    expectOutcome(c, r);
    if (c.expect.kind === 'readable') {
      // The human table is the other output path: same exit code, no crash, no internals.
      const table = await runChild(['validate', inputs.get(c.name) ?? '', '--mode', 'offline']);
      expect(table.code).toBe(r.code);
      expect(table.out.length).toBeGreaterThan(0);
      expectNoInternals(table.out + table.err);
    }
  });
});

describe('after the hostile corpus', () => {
  it('wrote nothing outside its temporary directory', () => {
    const { forbidden, otherNew } = fsChanges(before, snapshotFs(sandbox), TOKEN);
    if (otherNew.length) console.info(`new entries in shared places (other workers):\n${otherNew.join('\n')}`);
    expect(forbidden).toEqual([]);
  });
});
