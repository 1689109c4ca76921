import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort, waitUntil } from '../ports';
import { spawnDaemon } from '../process';
import type { ServiceModule } from '../types';

/**
 * PostgreSQL (reference/test-services.md §3.1) on 127.0.0.1, TLS on with the harness server cert,
 * scram passwords for TCP, trust on its private unix socket (for setup only). Databases: `quay`
 * (owned by role `quay`, WITH pg_trgm) and `quay_notrgm` (without), so the probe's "pg_trgm missing
 * in *that* database" diagnosis can be tested.
 */
export const service: ServiceModule = {
  name: 'postgres',
  async start(env) {
    const base = path.join(env.runDir, 'postgres');
    const bin = postgresBinDir();
    const { uid, gid } = osUser('postgres');
    mkdirSync(base, { recursive: true });
    const superPassword = `super-${randomBytes(6).toString('hex')}`;
    const password = `quaypw-${randomBytes(6).toString('hex')}`;
    writeFileSync(path.join(base, 'pwfile'), `${superPassword}\n`);
    // The server refuses a key readable by others or owned by another user.
    copyFileSync(env.certs.serverCertPath, path.join(base, 'server.crt'));
    copyFileSync(env.certs.serverKeyPath, path.join(base, 'server.key'));
    for (const f of ['', 'pwfile', 'server.crt', 'server.key']) chownSync(path.join(base, f), uid, gid);
    chmodSync(path.join(base, 'server.key'), 0o600);

    // No PG* variables from our own environment may reach the server tools.
    const cleanEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', NODE_ENV: process.env.NODE_ENV };
    execFileSync(
      path.join(bin, 'initdb'),
      ['-D', path.join(base, 'data'), '-U', 'postgres', `--pwfile=${path.join(base, 'pwfile')}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'],
      { uid, gid, cwd: base, env: cleanEnv, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const port = await freePort();
    const daemon = spawnDaemon(
      path.join(bin, 'postgres'),
      [
        '-D',
        path.join(base, 'data'),
        '-c',
        'listen_addresses=127.0.0.1',
        '-p',
        String(port),
        '-c',
        `unix_socket_directories=${base}`,
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'ssl=on',
        '-c',
        `ssl_cert_file=${path.join(base, 'server.crt')}`,
        '-c',
        `ssl_key_file=${path.join(base, 'server.key')}`,
      ],
      { logFile: path.join(base, 'postgres.log'), uid, gid, cwd: base, env: cleanEnv },
    );
    // SIGINT = "fast shutdown": the postmaster disconnects clients and exits at once.
    const stop = () => daemon.stop('SIGINT');
    try {
      const admin = (database: string) => new pg.Client({ host: base, port, user: 'postgres', database, password: async () => '', ssl: false });
      await waitUntil(async () => {
        const c = admin('postgres');
        try {
          await c.connect();
          return true;
        } finally {
          await c.end().catch(() => {});
        }
      }, 'postgres');
      const root = admin('postgres');
      await root.connect();
      await root.query(`CREATE ROLE quay LOGIN PASSWORD '${password}'`);
      await root.query('CREATE DATABASE quay OWNER quay');
      await root.query('CREATE DATABASE quay_notrgm OWNER quay');
      await root.end();
      const quayDb = admin('quay');
      await quayDb.connect();
      await quayDb.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await quayDb.end();
    } catch (e) {
      await stop();
      throw e;
    }
    return {
      info: {
        host: '127.0.0.1',
        port,
        user: 'quay',
        password,
        database: 'quay',
        databaseNoTrgm: 'quay_notrgm',
        superUser: 'postgres',
        superPassword,
      },
      stop,
    };
  },
};

/** The newest installed PostgreSQL server (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const major = majors.find((m) => existsSync(path.join(root, m, 'bin', 'postgres')));
  if (!major) throw new Error('PostgreSQL server not installed (/usr/lib/postgresql/<major>/bin/postgres)');
  return path.join(root, major, 'bin');
}

/** uid/gid of an OS user, looked up at run time (they differ between machines). */
export function osUser(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
