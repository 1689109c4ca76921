import { readdirSync, readFileSync } from 'node:fs';
import type { AppServer } from '../../test/harness/app-server';

/** Figure (e): resident memory of the server process (and any children it started), from /proc. */

export interface MemoryFigures {
  /** RSS of the server process itself, bytes. */
  rss: number;
  /** RSS of the process and its descendants, bytes (equal to `rss` when it starts none). */
  treeRss: number;
  processes: number;
  /** Command lines of the descendants, if any (to tell what they are). */
  children: string[];
}

/** VmRSS of one process in bytes, or 0 when it is gone. */
function rssOf(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and all its descendants, from the parent pid field of /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name is in parentheses and may contain spaces: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return tree;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 120);
  } catch {
    return '?';
  }
}

export function measureMemory(pid: number): MemoryFigures {
  const tree = processTree(pid);
  return {
    rss: rssOf(pid),
    treeRss: tree.reduce((sum, p) => sum + rssOf(p), 0),
    processes: tree.length,
    children: tree.slice(1).map((p) => `${p}: ${commandOf(p)}`),
  };
}

/** RSS after start, a few ordinary requests (health, a page, offline validations) and `idleMs` of idling. */
export async function benchIdleMemory(server: AppServer, body: string, idleMs: number): Promise<{ afterStart: MemoryFigures; idle: MemoryFigures }> {
  const afterStart = measureMemory(server.pid);
  await server.request('GET', '/api/v2/health', { auth: false });
  await server.request('GET', '/', { headers: { accept: 'text/html' } });
  for (let i = 0; i < 3; i++) {
    await server.request('POST', '/api/v2/validate?mode=offline', { body, headers: { 'content-type': 'application/json' } });
  }
  await new Promise((r) => setTimeout(r, idleMs));
  return { afterStart, idle: measureMemory(server.pid) };
}

export interface SettleFigures {
  /** How long after the load (ms) the RSS was first back at (or under) the idle figure, if it was. */
  backAfterMs?: number;
  /** The lowest RSS seen while waiting, and when. */
  lowest: { ms: number; rss: number };
  /** The RSS `reportAtMs` after the load (the figure an earlier bench printed). */
  atReport: number;
}

/**
 * After a load: the server's RSS once a second until it is back at `idleRss` or `maxMs` have
 * passed. V8 gives memory back only once its memory reducer sees the process quiet (its first
 * steps come ~8 s in, the young generation shrinks later), so one reading 10 s after says little.
 */
export async function settleAfterLoad(pid: number, idleRss: number | undefined, opts: { maxMs: number; reportAtMs: number }): Promise<SettleFigures> {
  const t0 = performance.now();
  let lowest = { ms: 0, rss: measureMemory(pid).treeRss };
  let atReport = lowest.rss;
  let backAfterMs: number | undefined;
  for (let ms = 0; ms < opts.maxMs && (backAfterMs === undefined || ms < opts.reportAtMs);) {
    await new Promise((r) => setTimeout(r, 1000));
    ms = performance.now() - t0;
    const rss = measureMemory(pid).treeRss;
    if (rss < lowest.rss) lowest = { ms, rss };
    if (ms <= opts.reportAtMs + 500) atReport = rss;
    if (backAfterMs === undefined && idleRss !== undefined && rss <= idleRss) backAfterMs = ms;
  }
  return { ...(backAfterMs !== undefined ? { backAfterMs } : {}), lowest, atReport };
}
