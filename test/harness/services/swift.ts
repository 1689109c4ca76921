import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { freePort, waitForPort, waitUntil } from '../ports';
import { spawnDaemon, type Daemon } from '../process';
import type { ServiceModule } from '../types';

/**
 * OpenStack Swift with s3api + tempauth (reference/test-services.md §3.6): a real S3 endpoint that
 * checks SigV4 signatures and a real Swift v1-auth endpoint, on free ports. Five processes
 * (memcached, object, container, account, proxy) run as root with `user = root`; the rings embed
 * the device ports, so they are built per run, all three in one Python process (≈0.5 s instead of
 * ≈5 s for nine `swift-ring-builder` calls). HTTPS is a TLS forwarder in front of the proxy (the
 * harness server cert, and a wrong-host cert), so signatures over `Host` still match.
 *
 * Accounts: `quay:quayuser` (admin of account AUTH_quay) and `quay:reader` (read-only on the
 * container through its read ACL: can read, cannot write). Container/bucket `quay` exists; the
 * account has a temp URL key (tempurl middleware), as Quay's direct downloads from Swift need.
 */
export const service: ServiceModule = {
  name: 'swift',
  async start(env) {
    const base = path.join(env.runDir, 'swift');
    const etc = path.join(base, 'etc');
    for (const d of [etc, path.join(base, 'node', 'd1'), path.join(base, 'log')]) mkdirSync(d, { recursive: true });
    const [proxyPort, objectPort, containerPort, accountPort, memcachePort] = await fiveFreePorts();
    const secretKey = `quaysecret-${randomBytes(6).toString('hex')}`;
    const readerKey = `readersecret-${randomBytes(6).toString('hex')}`;

    const t0 = Date.now();
    const phase = (what: string) => env.log(`swift: ${what} after ${Date.now() - t0} ms`);
    buildRings(etc, { object: objectPort, container: containerPort, account: accountPort });
    phase('rings built');
    for (const [kind, port] of [
      ['object', objectPort],
      ['container', containerPort],
      ['account', accountPort],
    ] as const) {
      writeFileSync(path.join(etc, `${kind}-server.conf`), backendConf(kind, port, base));
    }
    writeFileSync(path.join(etc, 'proxy-server.conf'), proxyConf(proxyPort, memcachePort, base, secretKey, readerKey));

    const daemons: Daemon[] = [];
    const stop = async () => {
      await Promise.allSettled(daemons.map((d) => d.stop()));
    };
    const forwarders: net.Server[] = [];
    try {
      daemons.push(
        spawnDaemon('memcached', ['-u', 'root', '-l', '127.0.0.1', '-p', String(memcachePort), '-U', '0', '-m', '16'], {
          logFile: path.join(base, 'log', 'memcached.log'),
        }),
      );
      for (const kind of ['object', 'container', 'account', 'proxy']) {
        daemons.push(
          spawnDaemon(`swift-${kind}-server`, [path.join(etc, `${kind}-server.conf`)], {
            logFile: path.join(base, 'log', `${kind}.log`),
          }),
        );
      }
      await Promise.all([proxyPort, objectPort, containerPort, accountPort, memcachePort].map((p) => waitForPort(p, 60_000)));
      phase('all ports listening');
      await waitUntil(async () => (await request(proxyPort, 'GET', '/healthcheck')).status === 200, 'swift proxy', 60_000);

      const token = await waitForToken(proxyPort, 'quay:quayuser', secretKey);
      phase('token issued');
      // On a cold machine the account and container servers may still answer 503 for a few seconds
      // after their ports open (seen on a fresh machine): retry until they take the container.
      let putStatus = 0;
      await waitUntil(
        async () => {
          putStatus = (await request(proxyPort, 'PUT', '/v1/AUTH_quay/quay', { 'x-auth-token': token, 'x-container-read': 'quay:reader' })).status;
          return putStatus < 300 || (putStatus !== 503 && putStatus !== 500);
        },
        'swift container quay',
        30_000,
      );
      if (putStatus >= 300) throw new Error(`could not create container quay: HTTP ${putStatus}`);
      const tempUrlKey = `tempurl-${randomBytes(6).toString('hex')}`;
      const meta = await request(proxyPort, 'POST', '/v1/AUTH_quay', { 'x-auth-token': token, 'x-account-meta-temp-url-key': tempUrlKey });
      if (meta.status >= 300) throw new Error(`could not set the temp URL key: HTTP ${meta.status}`);

      const httpsPort = await forwardTls(proxyPort, env.certs.serverCertPem, env.certs.serverKeyPem, forwarders);
      const wrongHostHttpsPort = await forwardTls(proxyPort, env.certs.wrongHostCertPem, env.certs.wrongHostKeyPem, forwarders);
      return {
        info: {
          host: '127.0.0.1',
          port: proxyPort,
          httpsPort,
          wrongHostHttpsPort,
          s3Endpoint: `http://127.0.0.1:${proxyPort}`,
          httpsEndpoint: `https://localhost:${httpsPort}`,
          region: 'us-east-1',
          accessKey: 'quay:quayuser',
          secretKey,
          readOnlyAccessKey: 'quay:reader',
          readOnlySecretKey: readerKey,
          bucket: 'quay',
          swiftAuthUrl: `http://127.0.0.1:${proxyPort}/auth/v1.0`,
          swiftUser: 'quay:quayuser',
          swiftKey: secretKey,
          container: 'quay',
          tempUrlKey,
        },
        async stop() {
          await Promise.allSettled(forwarders.map((s) => new Promise<void>((r) => s.close(() => r()))));
          await stop();
        },
      };
    } catch (e) {
      for (const s of forwarders) s.close();
      await stop();
      throw e;
    }
  },
};

/** Five distinct free ports (proxy, object, container, account, memcached). */
async function fiveFreePorts(): Promise<[number, number, number, number, number]> {
  const ports = new Set<number>();
  while (ports.size < 5) ports.add(await freePort());
  const [a = 0, b = 0, c = 0, d = 0, e = 0] = [...ports];
  return [a, b, c, d, e];
}

/** One Python process builds the three rings (part power 6, one replica, one device each). */
function buildRings(etc: string, ports: Record<'object' | 'container' | 'account', number>): void {
  const script = [
    'import sys, json',
    'from swift.common.ring import RingBuilder',
    'etc, ports = sys.argv[1], json.loads(sys.argv[2])',
    'for kind, port in ports.items():',
    '    b = RingBuilder(6, 1, 1)',
    "    b.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': port, 'device': 'd1', 'weight': 100})",
    '    b.rebalance()',
    "    b.save(f'{etc}/{kind}.builder')",
    "    b.get_ring().save(f'{etc}/{kind}.ring.gz')",
  ].join('\n');
  execFileSync('/usr/bin/python3', ['-c', script, etc, JSON.stringify(ports)], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function backendConf(kind: string, port: number, base: string): string {
  return `[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
workers = 0
user = root
swift_dir = ${base}/etc
devices = ${base}/node
mount_check = false
log_address = ${base}/log/devlog-nonexistent
[pipeline:main]
pipeline = ${kind}-server
[app:${kind}-server]
use = egg:swift#${kind}
`;
}

function proxyConf(port: number, memcachePort: number, base: string, secret: string, readerSecret: string): string {
  // keymaster + encryption: s3api then accepts `x-amz-server-side-encryption: AES256`, which Quay's
  // S3Storage sends on every upload (storage/cloud.py upload_params).
  const rootSecret = randomBytes(32).toString('base64');
  return `[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
workers = 0
user = root
swift_dir = ${base}/etc
log_address = ${base}/log/devlog-nonexistent
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempurl s3api tempauth copy slo dlo keymaster encryption proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:tempauth]
use = egg:swift#tempauth
user_quay_quayuser = ${secret} .admin
user_quay_reader = ${readerSecret}
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:${memcachePort}
[filter:tempurl]
use = egg:swift#tempurl
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:keymaster]
use = egg:swift#keymaster
encryption_root_secret = ${rootSecret}
[filter:encryption]
use = egg:swift#encryption
`;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
}

function request(port: number, method: string, urlPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.setTimeout(5000, () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.once('error', reject);
    req.end();
  });
}

/** tempauth needs memcached and the account servers: retry until a token comes back. */
async function waitForToken(port: number, user: string, key: string): Promise<string> {
  let token = '';
  await waitUntil(
    async () => {
      const r = await request(port, 'GET', '/auth/v1.0', { 'x-auth-user': user, 'x-auth-key': key });
      const t = r.headers['x-auth-token'];
      token = typeof t === 'string' ? t : '';
      return r.status === 200 && token !== '';
    },
    'swift tempauth token',
    60_000,
  );
  return token;
}

/**
 * A TLS listener on a free port that pipes each connection to the plain proxy port. Without Nagle on
 * either side: with it, the first answer on each connection waited ~40 ms for a delayed ACK, which a
 * TLS-serving Swift does not (issue 11).
 */
async function forwardTls(targetPort: number, cert: string, key: string, servers: net.Server[]): Promise<number> {
  const server = tls.createServer({ cert, key, noDelay: true }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort, noDelay: true });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  server.on('tlsClientError', () => {});
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}
