import type net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import type { ServiceModule } from '../types';

/**
 * SMTP with `smtp-server` in-process (reference/test-services.md §3.9), on free ports of 127.0.0.1:
 * - `port`: plain + STARTTLS, AUTH PLAIN/LOGIN only after STARTTLS (harness certificate);
 * - `tlsPort`: implicit TLS (SMTPS) with AUTH;
 * - `plainPort`: no STARTTLS at all, AUTH allowed in clear;
 * - `wrongHostPort`: STARTTLS with the certificate for `wrong.example` (hostname mismatch).
 * Fixed credentials; senders at `rejected.example` get 553; every message is refused at DATA.
 */

const USER = 'mailer';
const PASSWORD = 'mail-secret-pw';

function options(extra: Partial<SMTPServerOptions>): SMTPServerOptions {
  return {
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: false,
    allowInsecureAuth: false,
    logger: false,
    closeTimeout: 1000,
    // smtp-server resolves every client's address back to a name (up to 1.5 s, a DNS query per
    // connection) before its greeting: delay a real server need not have, charged to our probe (issue 11).
    disableReverseLookup: true,
    banner: 'quay-config test SMTP',
    onAuth(auth, _session, cb) {
      if (auth.username === USER && auth.password === PASSWORD) return cb(null, { user: auth.username });
      return cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(address, _session, cb) {
      if (address.address.endsWith('@rejected.example')) return cb(Object.assign(new Error('Sender address rejected'), { responseCode: 553 }));
      return cb();
    },
    // The probe must never send a message: refuse any that arrives.
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb(Object.assign(new Error('no mail accepted here'), { responseCode: 554 })));
    },
    ...extra,
  };
}

/** The parts of smtp-server's connection handling `PromptSmtpServer` calls (not in its types). */
interface ConnectionInternals {
  on(event: string, listener: (arg: unknown) => void): void;
  _setListeners(ready: () => void): void;
  connectionReady(): void;
}
interface ServerInternals {
  connections: Set<unknown>;
  _onError(err: unknown): void;
  _onClientConnect(data: unknown): void;
}

/**
 * smtp-server waits a fixed 100 ms before its greeting, to catch clients that talk too soon: a
 * delay of this test server, not of the probe, which waits for the greeting anyway (issue 11: it
 * was most of the Email group's time). Same connection set-up as `SMTPServer.connect`, greeting at once.
 */
class PromptSmtpServer extends SMTPServer {
  connect(socket: net.Socket, socketOptions: unknown): void {
    const self = this as unknown as ServerInternals;
    const ConnectionClass = SMTPConnection as unknown as new (server: unknown, socket: net.Socket, options: unknown) => ConnectionInternals;
    const connection = new ConnectionClass(this, socket, socketOptions);
    self.connections.add(connection);
    connection.on('error', (err) => self._onError(err));
    connection.on('connect', (data) => self._onClientConnect(data));
    connection._setListeners(() => connection.connectionReady());
  }
}

async function listen(server: SMTPServer): Promise<number> {
  // Clients that drop the connection (a failed TLS handshake, a probe's deadline) are expected here.
  server.on('error', () => {});
  return new Promise((resolve, reject) => {
    const s = server.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
    s.once('error', reject);
  });
}

export const service: ServiceModule = {
  name: 'smtp',
  async start(env) {
    const { certs } = env;
    const tls = { key: certs.serverKeyPem, cert: certs.serverCertPem };
    const servers = [
      new PromptSmtpServer(options({ ...tls, secure: false })),
      new PromptSmtpServer(options({ ...tls, secure: true })),
      new PromptSmtpServer(options({ secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true })),
      new PromptSmtpServer(options({ key: certs.wrongHostKeyPem, cert: certs.wrongHostCertPem, secure: false })),
    ];
    const [port, tlsPort, plainPort, wrongHostPort] = await Promise.all(servers.map(listen));
    return {
      info: { host: '127.0.0.1', port, tlsPort, plainPort, wrongHostPort, user: USER, password: PASSWORD },
      async stop() {
        await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      },
    };
  },
};
