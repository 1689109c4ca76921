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
