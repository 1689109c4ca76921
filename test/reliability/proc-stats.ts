import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * What a process holds, read from /proc (Linux): open file descriptors, its TCP sockets with their
 * peers and states, resident memory and child processes. For leak checks after a load run.
 */

export interface TcpSocket {
  local: string;
  remote: string;
  /** Kernel state name: ESTABLISHED, LISTEN, TIME_WAIT, CLOSE_WAIT, … */
  state: string;
  remotePort: number;
}

export interface ProcStats {
  fds: number;
  sockets: TcpSocket[];
  rssBytes: number;
  children: number[];
}

const STATES: Record<string, string> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECV',
  '04': 'FIN_WAIT1',
  '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT',
  '07': 'CLOSE',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
};

/** Socket inodes of the process's open descriptors. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      /* closed while listing */
    }
  }
  return inodes;
}

function hexAddress(hex: string): { text: string; port: number } {
  const [ip = '', port = '0'] = hex.split(':');
  const p = parseInt(port, 16);
  if (ip.length === 8) {
    const bytes = (ip.match(/../g) ?? []).map((b) => parseInt(b, 16)).reverse();
    return { text: `${bytes.join('.')}:${p}`, port: p };
  }
  return { text: `[${ip}]:${p}`, port: p };
}

/** The process's TCP sockets (IPv4 and IPv6), matched by inode in its network namespace's tables. */
export function tcpSockets(pid: number): TcpSocket[] {
  const inodes = socketInodes(pid);
  const out: TcpSocket[] = [];
  for (const table of [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`]) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || !inodes.has(cols[9] ?? '')) continue;
      const remote = hexAddress(cols[2] ?? '');
      out.push({ local: hexAddress(cols[1] ?? '').text, remote: remote.text, remotePort: remote.port, state: STATES[cols[3] ?? ''] ?? cols[3] ?? '?' });
    }
  }
  return out;
}

/** PIDs whose parent is `pid`, recursively. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the ppid follows the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      /* exited while listing */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent !== p) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out.sort((a, b) => a - b);
}

export function procStats(pid: number): ProcStats {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return { fds: readdirSync(`/proc/${pid}/fd`).length, sockets: tcpSockets(pid), rssBytes: rssKb * 1024, children: descendants(pid) };
}
