import type net from 'node:net';
import { clientKey } from './client-key';

/** Open connections one client may hold (a browser uses about 6; the load suite 24 + hang-ups). */
export const MAX_CONNECTIONS_PER_CLIENT = 64;
/** Open connections in all (each costs a descriptor and TLS state). */
export const MAX_CONNECTIONS = 1024;

/**
 * Caps connections per client and in total, at accept time (before TLS): one client holding
 * hundreds of idle sockets cannot make the server unreachable for the others.
 */
export function limitConnections(server: net.Server, perClient = MAX_CONNECTIONS_PER_CLIENT, total = MAX_CONNECTIONS): { open(client: string): number } {
  const open = new Map<string, number>();
  server.maxConnections = total;
  server.on('connection', (socket: net.Socket) => {
    const key = clientKey(socket.remoteAddress);
    const count = (open.get(key) ?? 0) + 1;
    if (count > perClient) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left <= 0) open.delete(key);
      else open.set(key, left);
    });
  });
  return { open: (client) => open.get(clientKey(client)) ?? 0 };
}
