import type net from 'node:net';
import type { Redis } from 'ioredis';

type IoRedis = typeof import('ioredis');

/** ioredis, loaded when a Redis probe runs (an offline validation never needs it). */
export const loadIoRedis = (): Promise<IoRedis> => import('ioredis');

/**
 * An ioredis client over a socket this probe already opened (DNS, TCP and TLS were done by
 * `connect()` in net.ts, which records the stages and honours the abort signal). ioredis only
 * speaks RESP here; the probe sends AUTH/SELECT/PING itself, so each reply (WRONGPASS, NOAUTH, …)
 * comes back as that command's error instead of ioredis' generic "Connection is closed.".
 */
export function redisOverSocket({ AbstractConnector, Redis }: IoRedis, socket: net.Socket): { client: Redis; lastError: () => Error | undefined } {
  class FixedSocketConnector extends AbstractConnector {
    constructor() {
      super(0);
    }
    connect(): Promise<net.Socket> {
      this.connecting = true;
      this.stream = socket;
      return Promise.resolve(socket);
    }
  }
  let last: Error | undefined;
  const client = new Redis({
    Connector: FixedSocketConnector,
    lazyConnect: true,
    // ioredis 6 speaks RESP3 (HELLO) by default and hides auth errors behind "Connection is closed."
    protocol: 2,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    disableClientInfo: true,
    autoResubscribe: false,
  });
  // Without a listener an 'error' event would crash the process; keep it for the diagnosis.
  client.on('error', (e: Error) => {
    last = e;
  });
  return { client, lastError: () => last };
}
