import net from 'node:net';

/**
 * Differential diagnosis for `ssl: true` against a plain-text Redis port: such a server never
 * answers a TLS ClientHello (it waits for the end of an inline command), so the TLS attempt would
 * just time out. This asks the port a plain-text `PING` in parallel; a RESP answer (`+PONG`,
 * `-NOAUTH …`) proves the port speaks plain Redis. Resolves false on anything else, or when
 * `signal` fires.
 */
export function sniffPlainRedis(host: string, port: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const socket = net.connect({ host, port });
    const done = (result: boolean) => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => done(false);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => {
      const first = chunk.subarray(0, 1).toString('latin1');
      done(first === '+' || first === '-');
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
