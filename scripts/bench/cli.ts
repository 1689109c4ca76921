import { spawn } from 'node:child_process';
import path from 'node:path';
import { since, summarize, type Summary } from './stats';

/**
 * The CLI as an administrator runs it: `quay-config validate <dir> --mode M --json`, a new process
 * each time, so the figure includes Node's start, loading the TypeScript sources through tsx and
 * the validation itself (config-tool's Go binary: 0.03–0.05 s, reference §8).
 */

export interface CliFigures {
  mode: 'online' | 'offline';
  summary: Summary;
  /** Exit codes seen (0 expected: the complete config is valid). */
  exitCodes: number[];
}

export async function benchCli(root: string, dir: string, mode: 'online' | 'offline', runs: number): Promise<CliFigures> {
  const samples: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bin/quay-config.mjs'), 'validate', dir, '--mode', mode, '--json'], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      child.once('error', reject);
      child.once('close', (c) => resolve(c ?? -1));
    });
    samples.push(since(t0));
    exitCodes.push(code);
  }
  return { mode, summary: summarize(samples), exitCodes };
}
