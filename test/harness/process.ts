import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';

export interface Daemon {
  pid: number;
  child: ChildProcess;
  /** Sends `signal` (default SIGTERM) and waits for exit; SIGKILL after 5 s. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Spawns a long-running server process with its output in `logFile`. Spawned by this Node process,
 * so its exit is reaped at once (no zombies behind a lazy PID 1).
 */
export function spawnDaemon(command: string, args: string[], opts: { logFile: string; uid?: number; gid?: number; env?: NodeJS.ProcessEnv; cwd?: string }): Daemon {
  const out = openSync(opts.logFile, 'a');
  const child = spawn(command, args, {
    stdio: ['ignore', out, out],
    uid: opts.uid,
    gid: opts.gid,
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    detached: false,
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid,
    child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
