import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { Client } from 'ldapts';
import { freePort, waitUntil } from '../ports';
import { spawnDaemon } from '../process';
import type { HarnessEnv, ServiceModule } from '../types';

/**
 * OpenLDAP slapd (reference/test-services.md §3.4): slapd.conf, mdb, memberof, ldap:// and ldaps://
 * (harness server cert), base dc=example,dc=org. Users under ou=users: alice (admin group) and bob,
 * both with mail; ou=nomail holds carol without mail; ou=empty holds nobody. An in-process TLS
 * forwarder presents the `wrong.example` certificate in front of the plain port (hostname mismatch).
 */

const BASE_DN = 'dc=example,dc=org';
const ADMIN_DN = `cn=admin,${BASE_DN}`;
const ADMIN_PASSWORD = 'adminpass';

function slapdConf(dir: string, env: HarnessEnv, rootpw: string): string {
  return `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile ${dir}/slapd.pid
argsfile ${dir}/slapd.args
TLSCACertificateFile ${env.certs.caPath}
TLSCertificateFile ${env.certs.serverCertPath}
TLSCertificateKeyFile ${env.certs.serverKeyPath}
database mdb
maxsize 104857600
suffix "${BASE_DN}"
rootdn "${ADMIN_DN}"
rootpw ${rootpw}
directory ${dir}/db
index objectClass eq
index uid,mail eq,sub
overlay memberof
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
`;
}

const person = (uid: string, ou: string, cn: string, mail?: string) => `dn: uid=${uid},ou=${ou},${BASE_DN}
objectClass: inetOrgPerson
uid: ${uid}
cn: ${cn}
sn: ${cn.split(' ')[1] ?? cn}
${mail ? `mail: ${mail}\n` : ''}userPassword: ${uid}pass
`;

const BASE_LDIF = [
  `dn: ${BASE_DN}\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n`,
  ...['users', 'groups', 'nomail', 'empty'].map((ou) => `dn: ou=${ou},${BASE_DN}\nobjectClass: organizationalUnit\nou: ${ou}\n`),
  person('alice', 'users', 'Alice Admin', 'alice@example.org'),
  person('bob', 'users', 'Bob User', 'bob@example.org'),
  person('carol', 'nomail', 'Carol Nomail'),
].join('\n');

/** A TLS server with the wrong-host certificate that forwards to the plain LDAP port. */
async function startWrongHostForwarder(env: HarnessEnv, ldapPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  // No Nagle on either side, as slapd's own TLS port (see forwardTls in swift.ts).
  const server = tls.createServer({ cert: env.certs.wrongHostCertPem, key: env.certs.wrongHostKeyPem, noDelay: true }, (client) => {
    const upstream = net.connect({ port: ldapPort, host: '127.0.0.1', noDelay: true });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export const service: ServiceModule = {
  name: 'slapd',
  async start(env) {
    const dir = path.join(env.runDir, 'slapd');
    mkdirSync(path.join(dir, 'db'), { recursive: true });
    const [port, tlsPort] = [await freePort(), await freePort()];
    const rootpw = execFileSync('slappasswd', ['-s', ADMIN_PASSWORD], { encoding: 'utf8' }).trim();
    const conf = path.join(dir, 'slapd.conf');
    writeFileSync(conf, slapdConf(dir, env, rootpw));
    writeFileSync(path.join(dir, 'base.ldif'), BASE_LDIF);
    execFileSync('slaptest', ['-f', conf, '-u'], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync('slapadd', ['-f', conf, '-l', path.join(dir, 'base.ldif')], { stdio: ['ignore', 'ignore', 'pipe'] });
    // -d 0 keeps slapd in the foreground, so the PID we hold is the daemon's.
    const daemon = spawnDaemon('slapd', ['-f', conf, '-h', `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${tlsPort}/`, '-d', '0'], {
      logFile: path.join(dir, 'slapd.log'),
    });
    let forwarder: { port: number; close(): Promise<void> } | undefined;
    const stop = async () => {
      await forwarder?.close();
      await daemon.stop();
    };
    try {
      const admin = () => new Client({ url: `ldap://127.0.0.1:${port}`, timeout: 2000, connectTimeout: 2000 });
      await waitUntil(async () => {
        const c = admin();
        try {
          await c.bind(ADMIN_DN, ADMIN_PASSWORD);
          return true;
        } finally {
          await c.unbind().catch(() => {});
        }
      }, 'slapd');
      // Added online, so that the memberof overlay fills memberOf on alice.
      const c = admin();
      await c.bind(ADMIN_DN, ADMIN_PASSWORD);
      await c.add(`cn=admins,ou=groups,${BASE_DN}`, { objectClass: 'groupOfNames', cn: 'admins', member: `uid=alice,ou=users,${BASE_DN}` });
      await c.unbind();
      forwarder = await startWrongHostForwarder(env, port);
    } catch (e) {
      await stop();
      throw e;
    }
    return {
      info: {
        uri: `ldap://127.0.0.1:${port}`,
        ldapsUri: `ldaps://localhost:${tlsPort}`,
        wrongHostLdapsUri: `ldaps://localhost:${forwarder.port}`,
        port,
        tlsPort,
        baseDn: ['dc=example', 'dc=org'],
        userRdn: ['ou=users'],
        adminDn: ADMIN_DN,
        adminPassword: ADMIN_PASSWORD,
        users: ['alice', 'bob'],
        adminGroupDn: `cn=admins,ou=groups,${BASE_DN}`,
      },
      stop,
    };
  },
};
