import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
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
      new SMTPServer(options({ ...tls, secure: false })),
      new SMTPServer(options({ ...tls, secure: true })),
      new SMTPServer(options({ secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true })),
      new SMTPServer(options({ key: certs.wrongHostKeyPem, cert: certs.wrongHostCertPem, secure: false })),
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
