import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIELD_GROUP_IDS } from '../../lib/report/types';
import { since, summarize, type Summary } from './stats';

/**
 * Figure (g): the CLI as an administrator runs it, `quay-config validate <dir> --mode M --json`, a
 * new process each time (Node's start, loading the prebuilt bundle, the validation), next to a bare
 * `node -e 0` measured in the same run, interleaved, so that the ratio survives a busy machine.
 * Peak RSS comes from each process itself (a preloaded exit hook), as /usr/bin/time -v reports it.
 * config-tool's Go binary, on this machine (issue 11): offline 0.028 s, online 0.031 s / 23.5 MiB.
 */

export interface ProcessFigures {
  label: string;
  wall: Summary;
  /** Peak resident set size, bytes. */
  peakRss: Summary;
  /** Exit codes seen (0 expected: the complete config is valid). */
  exitCodes: number[];
}

const REPORT_RSS = path.join(import.meta.dirname, 'report-rss.cjs');

/** One process: wall time from spawn to exit, and the peak RSS it reported. */
async function runOnce(args: string[], cwd: string, rssFile: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; rss: number; code: number }> {
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', REPORT_RSS, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'ignore'],
      env: { ...env, QC_BENCH_RSS_FILE: rssFile },
    });
    child.once('error', reject);
    child.once('close', (c) => resolve(c ?? -1));
  });
  const ms = since(t0);
  let rss = Number.NaN;
  try {
    rss = Number(readFileSync(rssFile, 'utf8').trim()) * 1024; // resourceUsage().maxRSS is in KiB
  } catch {
    // the process died before its exit hook
  }
  return { ms, rss, code };
}

/**
 * `runs` rounds, each running every command once (baseline first), after one unmeasured round that
 * warms the page cache and lets the CLI rebuild its bundle if the sources changed. `env`: the
 * processes' environment (this one's by default).
 */
export async function benchCliProcesses(root: string, commands: Array<{ label: string; args: string[] }>, runs: number, env: NodeJS.ProcessEnv = process.env): Promise<ProcessFigures[]> {
  const rssFile = path.join(os.tmpdir(), `quay-config-bench-rss-${process.pid}`);
  const samples = commands.map(() => ({ ms: [] as number[], rss: [] as number[], codes: [] as number[] }));
  try {
    for (const c of commands) await runOnce(c.args, root, rssFile, env);
    for (let i = 0; i < runs; i++) {
      for (const [k, c] of commands.entries()) {
        const r = await runOnce(c.args, root, rssFile, env);
        const s = samples[k] as (typeof samples)[number];
        s.ms.push(r.ms);
        s.rss.push(r.rss);
        s.codes.push(r.code);
      }
    }
  } finally {
    rmSync(rssFile, { force: true });
  }
  return commands.map((c, k) => {
    const s = samples[k] as (typeof samples)[number];
    return { label: c.label, wall: summarize(s.ms), peakRss: summarize(s.rss), exitCodes: s.codes };
  });
}

/**
 * The commands of figure (g): the baseline, then the CLI offline and online on the complete bundle,
 * and online without the storage group: its two locations (S3 API and Swift v1) are one
 * single-process Swift here (S3: 4 requests, Swift: 5 in 4 round-trips), on the online run's critical path.
 */
export function cliCommands(root: string, dir: string): Array<{ label: string; args: string[] }> {
  const cli = path.join(root, 'bin/quay-config.cjs');
  const withoutStorage = FIELD_GROUP_IDS.filter((g) => g !== 'DistributedStorage').join(',');
  return [
    { label: 'node -e 0 (baseline)', args: ['-e', '0'] },
    { label: 'quay-config validate --mode offline', args: [cli, 'validate', dir, '--mode', 'offline', '--json'] },
    { label: 'quay-config validate --mode online', args: [cli, 'validate', dir, '--mode', 'online', '--json'] },
    { label: '  … online, all groups but DistributedStorage', args: [cli, 'validate', dir, '--mode', 'online', '--json', '--groups', withoutStorage] },
  ];
}

/**
 * NODE_EXTRA_CA_CERTS, when set: Node reads and parses every certificate of that file, and its own
 * ~140 roots, before any JavaScript runs, in every process (`node -e 0` included). This machine
 * sets it to the system bundle; an administrator's shell seldom does. `certificates`: how many it holds.
 */
export function extraCaCerts(env: NodeJS.ProcessEnv = process.env): { file: string; certificates: number } | undefined {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (!file) return undefined;
  let certificates = 0;
  try {
    certificates = readFileSync(file, 'latin1').split('-----BEGIN CERTIFICATE-----').length - 1;
  } catch {
    // unreadable: Node warns and goes on
  }
  return { file, certificates };
}

/** `env` without NODE_EXTRA_CA_CERTS. */
export function withoutExtraCaCerts(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.NODE_EXTRA_CA_CERTS;
  return rest;
}
