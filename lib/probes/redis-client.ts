import type net from 'node:net';

/**
 * A RESP2 client over a socket this probe already opened (DNS, TCP and TLS were done by
 * `connect()` in net.ts, which records the stages and honours the abort signal), for the three
 * commands the probe sends itself: AUTH, SELECT, PING. Each reply error (WRONGPASS, NOAUTH, …)
 * rejects that command with the server's words; a connection that closes or breaks rejects the
 * pending commands with "Connection is closed." and keeps the cause for `lastError()`.
 *
 * It replaces ioredis, whose start-up builds a method for each of Redis' ~240 commands: 5 MiB of
 * heap and 6 MiB of the CLI's peak RSS for three commands (issue 11). The wire is the same: RESP2
 * (no HELLO), no CLIENT SETINFO, nothing but what the probe sends.
 */
export interface RespClient {
  /** The socket is open already: resolves at once (kept for the probe's sequence of steps). */
  connect(): Promise<void>;
  auth(passwordOrUser: string, password?: string): Promise<RespValue>;
  select(db: number): Promise<RespValue>;
  ping(): Promise<RespValue>;
  /** Ends the connection; pending commands are rejected. */
  disconnect(): void;
}

export type RespValue = string | number | null | RespValue[];

/** What a probe finds when the server closed or broke the connection before replying. */
export const CONNECTION_CLOSED = 'Connection is closed.';

/** Most bytes of replies kept unparsed: the probe's replies are a few bytes; a flood is not Redis. */
const MAX_BUFFERED = 1024 * 1024;

export function redisOverSocket(socket: net.Socket): { client: RespClient; lastError: () => Error | undefined } {
  let last: Error | undefined;
  let buffer: Buffer = Buffer.alloc(0);
  let closed = false;
  const pending: Array<{ resolve: (v: RespValue) => void; reject: (e: Error) => void }> = [];

  const failAll = (cause?: Error) => {
    if (cause) last ??= cause;
    closed = true;
    for (const p of pending.splice(0)) p.reject(new Error(CONNECTION_CLOSED));
  };
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    try {
      for (;;) {
        const parsed = parseReply(buffer, 0);
        if (!parsed) break;
        buffer = buffer.subarray(parsed.end);
        const p = pending.shift();
        if (!p) continue; // nothing asked: ignore, as a client with no command in flight would
        if (parsed.value instanceof Error) p.reject(parsed.value);
        else p.resolve(parsed.value);
      }
      if (buffer.length > MAX_BUFFERED) throw new Error('Protocol error: reply too long');
    } catch (e) {
      socket.destroy();
      failAll(e instanceof Error ? e : new Error(String(e)));
    }
  });
  // Without a listener an 'error' event would crash the process; keep it for the diagnosis.
  socket.on('error', (e: Error) => failAll(e));
  socket.on('close', () => failAll());
  socket.on('end', () => failAll());

  const command = (...args: string[]): Promise<RespValue> =>
    new Promise((resolve, reject) => {
      if (closed || socket.destroyed) return reject(new Error(CONNECTION_CLOSED));
      pending.push({ resolve, reject });
      socket.write(encodeCommand(args));
    });

  const client: RespClient = {
    connect: () => (closed || socket.destroyed ? Promise.reject(new Error(CONNECTION_CLOSED)) : Promise.resolve()),
    auth: (a, b) => (b === undefined ? command('AUTH', a) : command('AUTH', a, b)),
    select: (db) => command('SELECT', String(db)),
    ping: () => command('PING'),
    disconnect: () => {
      socket.destroy();
      failAll();
    },
  };
  return { client, lastError: () => last };
}

/** `*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n`: a command as an array of bulk strings. */
export function encodeCommand(args: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const bytes = Buffer.from(a, 'utf8');
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/**
 * One RESP2 reply from `buf` at `at`: its value (an Error for `-ERR …`, with the server's text as
 * message) and where it ends, or undefined while incomplete. Throws a "Protocol error" on bytes
 * that are not RESP (a TLS server answering, another protocol).
 */
export function parseReply(buf: Buffer, at: number): { value: RespValue | Error; end: number } | undefined {
  if (at >= buf.length) return undefined;
  const eol = buf.indexOf('\r\n', at + 1);
  const type = String.fromCharCode(buf[at] as number);
  if (!'+-:$*'.includes(type)) throw new Error(`Protocol error, got ${JSON.stringify(type)} as reply type byte`);
  if (eol < 0) return undefined;
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const n = integer(line);
      if (n < 0) return { value: null, end: next };
      if (buf.length < next + n + 2) return undefined;
      return { value: buf.toString('utf8', next, next + n), end: next + n + 2 };
    }
    default: {
      const n = integer(line);
      if (n < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let end = next;
      for (let i = 0; i < n; i++) {
        const item = parseReply(buf, end);
        if (!item) return undefined;
        items.push(item.value instanceof Error ? item.value.message : item.value);
        end = item.end;
      }
      return { value: items, end };
    }
  }
}

function integer(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new Error(`Protocol error, bad length ${JSON.stringify(text.slice(0, 20))}`);
  return Number(text);
}
