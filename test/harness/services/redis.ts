import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitForPort } from '../ports';
import { spawnDaemon, type Daemon } from '../process';
import type { ServiceModule } from '../types';

/**
 * Redis (reference/test-services.md §3.3) with a password, on a plain port and a TLS port (harness
 * server cert), plus a second, TLS-only instance WITHOUT a password presenting the `wrong.example`
 * certificate, for the "certificate does not name this host" and "password the server does not
 * expect" diagnoses.
 */
export const service: ServiceModule = {
  name: 'redis',
  async start(env) {
    const base = path.join(env.runDir, 'redis');
    mkdirSync(base, { recursive: true });
    const password = `redispw-${randomBytes(6).toString('hex')}`;
    const [port, tlsPort, wrongHostTlsPort] = [await freePort(), await freePort(), await freePort()];
    const common = ['--bind', '127.0.0.1', '--tls-ca-cert-file', env.certs.caPath, '--tls-auth-clients', 'no', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    const daemons: Daemon[] = [];
    const stop = async () => {
      await Promise.all(daemons.map((d) => d.stop()));
    };
    try {
      const main = path.join(base, 'main');
      mkdirSync(main, { recursive: true });
      daemons.push(
        spawnDaemon(
          'redis-server',
          [
            ...common,
            '--requirepass',
            password,
            '--port',
            String(port),
            '--tls-port',
            String(tlsPort),
            '--tls-cert-file',
            env.certs.serverCertPath,
            '--tls-key-file',
            env.certs.serverKeyPath,
            '--dir',
            main,
            '--logfile',
            path.join(main, 'redis.log'),
          ],
          { logFile: path.join(main, 'stdout.log') },
        ),
      );
      const wrong = path.join(base, 'wrong-host');
      mkdirSync(wrong, { recursive: true });
      daemons.push(
        spawnDaemon(
          'redis-server',
          [
            ...common,
            '--port',
            '0',
            '--tls-port',
            String(wrongHostTlsPort),
            '--tls-cert-file',
            env.certs.wrongHostCertPath,
            '--tls-key-file',
            env.certs.wrongHostKeyPath,
            '--dir',
            wrong,
            '--logfile',
            path.join(wrong, 'redis.log'),
          ],
          { logFile: path.join(wrong, 'stdout.log') },
        ),
      );
      await Promise.all([waitForPort(port), waitForPort(tlsPort), waitForPort(wrongHostTlsPort)]);
    } catch (e) {
      await stop();
      throw e;
    }
    return { info: { host: '127.0.0.1', port, tlsPort, wrongHostTlsPort, password }, stop };
  },
};
