import { spawn } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import { freePort } from '../../test/harness/ports';
import { since, summarize, type Summary } from './stats';

/**
 * Figure (d): `quay-config serve` from process spawn to the first answer of `GET /api/v2/health`,
 * with an already-built dist directory and no certificate given, exactly as an administrator
 * starts it (the server makes its own self-signed certificate at start, which is part of the cost).
 */

export interface ColdStartFigures {
  summary: Summary;
  samples: number[];
}

export async function benchColdStart(root: string, distDir: string, runs: number): Promise<ColdStartFigures> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await oneColdStart(root, distDir));
  return { summary: summarize(samples), samples };
}

async function oneColdStart(root: string, distDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/quay-config.cjs'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--password', 'bench-cold-start'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', QC_NEXT_DIST: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`quay-config serve exited (code ${child.exitCode}) before answering:\n${output}`);
      if (since(t0) > 60_000) throw new Error(`no health answer within 60 s:\n${output}`);
      if (await healthAnswers(port)) return since(t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  }
}

/** One health request; the certificate is the throwaway self-signed one the server just made, so it is not verified. */
function healthAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get({ host: '127.0.0.1', port, path: '/api/v2/health', rejectUnauthorized: false, agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}
