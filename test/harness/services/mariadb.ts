import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitUntil } from '../ports';
import { spawnDaemon } from '../process';
import type { ServiceModule } from '../types';

/**
 * MariaDB (reference/test-services.md §3.2), Debian's MySQL-compatible server, on 127.0.0.1 with TLS
 * from the harness server cert. `mariadbd --user=mysql` drops privileges itself, so the spawned PID
 * is the daemon's. Setup runs through the root unix socket (socket authentication, no password).
 * User `quay` may use every database named `quay%`, so a missing `quay_missing` gives "unknown
 * database" (1049) while any other name gives "access denied to database" (1044).
 */
export const service: ServiceModule = {
  name: 'mariadb',
  async start(env) {
    const base = path.join(env.runDir, 'mariadb');
    const data = path.join(base, 'data');
    const socket = path.join(base, 'mysqld.sock');
    mkdirSync(data, { recursive: true });
    for (const [from, to] of [
      [env.certs.caPath, 'ca.crt'],
      [env.certs.serverCertPath, 'server.crt'],
      [env.certs.serverKeyPath, 'server.key'],
    ] as const) {
      copyFileSync(from, path.join(base, to));
    }
    const uid = Number(execFileSync('id', ['-u', 'mysql'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'mysql'], { encoding: 'utf8' }).trim());
    for (const f of ['', 'data', 'ca.crt', 'server.crt', 'server.key']) chownSync(path.join(base, f), uid, gid);
    chmodSync(path.join(base, 'server.key'), 0o600);

    execFileSync('mariadb-install-db', ['--no-defaults', '--user=mysql', `--datadir=${data}`, '--skip-test-db', '--auth-root-authentication-method=socket'], {
      cwd: base,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const port = await freePort();
    const daemon = spawnDaemon(
      'mariadbd',
      [
        '--no-defaults',
        '--user=mysql',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${path.join(base, 'mysqld.pid')}`,
        `--log-error=${path.join(base, 'error.log')}`,
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=64M',
        '--innodb-flush-log-at-trx-commit=0',
        `--ssl-ca=${path.join(base, 'ca.crt')}`,
        `--ssl-cert=${path.join(base, 'server.crt')}`,
        `--ssl-key=${path.join(base, 'server.key')}`,
      ],
      { logFile: path.join(base, 'mariadbd.log'), cwd: base },
    );
    const password = `quaypw-${randomBytes(6).toString('hex')}`;
    const client = (sql?: string) =>
      execFileSync('mariadb', ['--no-defaults', '-S', socket, '-uroot', ...(sql ? [] : ['-e', 'SELECT 1'])], {
        input: sql,
        stdio: ['pipe', 'ignore', 'pipe'],
      });
    try {
      await waitUntil(async () => {
        client();
        return true;
      }, 'mariadb');
      client(`CREATE DATABASE quay CHARACTER SET utf8mb4;
CREATE USER 'quay'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`quay%\`.* TO 'quay'@'%';
FLUSH PRIVILEGES;
`);
    } catch (e) {
      await daemon.stop();
      throw e;
    }
    return {
      info: { host: '127.0.0.1', port, user: 'quay', password, database: 'quay' },
      stop: () => daemon.stop(),
    };
  },
};
