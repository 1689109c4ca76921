import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import next from 'next';
import { generateServerCertificate } from '../keys/tls-certificates';
import type { FieldGroupId } from '../report/types';
import { limitConnections } from './connections';
import { gate } from './gate';
import { setServerState } from './state';

export interface ServeOptions {
  port: number;
  host: string;
  password?: string;
  configDir?: string;
  tlsCert?: string;
  tlsKey?: string;
  readonlyGroups: FieldGroupId[];
  operatorEndpoint?: string;
  /** Directory holding the built Next app (`.next`). */
  appDir: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the wizard and API over HTTPS. Next's own `start` has no TLS, so the request handler is
 * wrapped in `node:https`; the gate (origin, auth, throttling, headers) stands in front of every route.
 */
export async function serve(options: ServeOptions, log: (line: string) => void = console.log): Promise<RunningServer> {
  let password = options.password;
  if (!password) {
    password = randomBytes(18).toString('base64url');
    log(`No password given (QUAY_CONFIG_PASSWORD or --password): generated one for user quayconfig: ${password}`);
  }
  setServerState({
    password,
    configDir: options.configDir ?? null,
    readonlyGroups: options.readonlyGroups,
    operatorEndpoint: options.operatorEndpoint ?? null,
  });

  const tls =
    options.tlsCert && options.tlsKey
      ? { cert: readFileSync(options.tlsCert, 'utf8'), key: readFileSync(options.tlsKey, 'utf8') }
      : (() => {
          const made = generateServerCertificate({ hostname: 'localhost', altNames: [os.hostname()], ips: ['127.0.0.1', '::1'] });
          return { cert: made.sslCert, key: made.sslKey };
        })();

  const app = next({ dev: false, dir: path.resolve(options.appDir), hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = https.createServer(
    {
      cert: tls.cert,
      key: tls.key,
      // An idle socket is closed soon: TLS must be done in 10 s and headers in 10 s (Node's default
      // left a silent socket open for 120 s); the body of a slow upload gets 120 s. Checked every
      // second instead of Node's default 30 s.
      handshakeTimeout: 10_000,
      headersTimeout: 10_000,
      requestTimeout: 120_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    },
    gate(password, handle),
  );
  limitConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `https://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log(`quay-config listening on ${url}`);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
