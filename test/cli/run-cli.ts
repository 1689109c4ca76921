import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../lib/cli/main';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `quay-config <argv>` in-process with captured output, relative paths resolved in `cwd`. */
export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (t) => (stdout += t + '\n'),
    err: (t) => (stderr += t + '\n'),
    // Next's types make ProcessEnv.NODE_ENV required.
    env: { NODE_ENV: 'test' },
    cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'qc-cli-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
