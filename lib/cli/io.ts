/** Exit codes: 0 valid (or done), 1 invalid, 2 unreadable input or bad usage. */
export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;

/** Where a command writes and what it reads from its environment; injectable so tests run in-process. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Directory relative paths are resolved against (default: the process's working directory). */
  cwd?: string;
}

/** The real process: stdout, stderr, environment and working directory. */
export function defaultIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
    env: process.env,
    cwd: process.cwd(),
  };
}
