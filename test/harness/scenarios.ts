import net from 'node:net';
import { freePort } from './ports';

/**
 * Servers for the failure scenarios every probe is tested with, run inside the test process:
 * a port where nothing listens, and a server that accepts connections and never answers.
 */

/** A port on 127.0.0.1 with nothing listening (connection refused). */
export async function closedPort(): Promise<number> {
  return freePort();
}

export interface HangingServer {
  port: number;
  /** Connections accepted so far (to assert the probe really connected). */
  accepted(): number;
  close(): Promise<void>;
}

/** Accepts every connection, reads and discards, never writes a byte. */
export async function startHangingServer(): Promise<HangingServer> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((s) => {
    count++;
    sockets.add(s);
    s.on('data', () => {});
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    accepted: () => count,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
