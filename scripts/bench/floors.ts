import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { signAwsRequest } from '../../lib/probes/aws-sigv4';
import { parseServiceInfos } from '../../test/harness/complete-config';
import type { HarnessInfo } from '../../test/harness/types';
import type { FieldGroupId } from '../../lib/report/types';
import { since, summarize, type Summary } from './stats';

/**
 * Each service's own floor, next to figure (a)'s probe times: the least one client of the same
 * protocol waits for, on a fresh connection as a probe opens it (TLS where the complete config
 * uses TLS, authentication where it authenticates), measured from this process with the same
 * libraries or a raw socket. A probe that needs several exchanges (S3: HEAD, PUT, GET, DELETE)
 * cannot beat its floor; what it spends above it is ours or its own extra round trips.
 */

export interface Floor {
  group: FieldGroupId;
  /** What one exchange is: "TLS + SCRAM + SELECT 1". */
  what: string;
  summary: Summary;
}

type Exchange = { group: FieldGroupId; what: string; once: () => Promise<unknown> };

export async function benchFloors(harness: Pick<HarnessInfo, 'certs' | 'services'>, runs: number): Promise<Floor[]> {
  const s = parseServiceInfos(harness.services);
  const ca = harness.certs.caPem;
  const exchanges: Exchange[] = [
    {
      group: 'Database',
      what: 'PostgreSQL: TLS, SCRAM login, SELECT 1 (pg)',
      once: async () => {
        const pg = (await import('pg')).default;
        const client = new pg.Client({ host: 'localhost', port: s.postgres.port, user: s.postgres.user, password: s.postgres.password, database: s.postgres.database, ssl: { ca } });
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
      },
    },
    {
      group: 'Redis',
      what: 'Redis: TLS, AUTH + PING (raw)',
      once: () =>
        lineExchange(
          () => tls.connect({ host: 'localhost', port: s.redis.tlsPort, ca }),
          `AUTH ${s.redis.password}\r\nPING\r\n`,
          (t) => t.includes('+PONG'),
        ),
    },
    {
      group: 'LDAP',
      what: 'LDAP: ldaps, admin bind + unbind (ldapts)',
      once: async () => {
        const { Client } = await import('ldapts');
        const client = new Client({ url: s.slapd.ldapsUri, tlsOptions: { ca } });
        await client.bind(s.slapd.adminDn, s.slapd.adminPassword);
        await client.unbind();
      },
    },
    {
      group: 'DistributedStorage',
      what: "Swift's S3 API: TLS, one signed HEAD bucket",
      once: async () => {
        const url = new URL(`https://localhost:${s.swift.httpsPort}/${s.swift.bucket}`);
        const headers = await signAwsRequest(url, { method: 'HEAD' }, { service: 's3', region: 'us-east-1', credentials: { accessKeyId: s.swift.accessKey, secretAccessKey: s.swift.secretKey } });
        await httpsRequest(url, 'HEAD', headers, ca);
      },
    },
    {
      // What the S3 probe itself asks, raw: its time above this is ours (the writes are Swift's own cost).
      group: 'DistributedStorage',
      what: "Swift's S3 API: the probe's sequence, HEAD bucket + PUT, GET, DELETE object on one TLS connection",
      once: async () => {
        const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca });
        const credentials = { accessKeyId: s.swift.accessKey, secretAccessKey: s.swift.secretKey };
        const sign = (url: URL, method: string, body?: string) =>
          signAwsRequest(url, { method, ...(body !== undefined ? { body, headers: { 'content-type': 'text/plain' } } : {}) }, { service: 's3', region: 'us-east-1', credentials });
        const bucket = new URL(`https://localhost:${s.swift.httpsPort}/${s.swift.bucket}`);
        const object = new URL(`${bucket.href}/quay-config-bench-floor`);
        const body = 'quay-config bench floor';
        try {
          const opts = { agent, expectOk: true };
          await httpsRequest(bucket, 'HEAD', await sign(bucket, 'HEAD'), ca, opts);
          await httpsRequest(object, 'PUT', { ...(await sign(object, 'PUT', body)), 'content-length': String(body.length) }, ca, { ...opts, body });
          await httpsRequest(object, 'GET', await sign(object, 'GET'), ca, opts);
          await httpsRequest(object, 'DELETE', await sign(object, 'DELETE'), ca, opts);
        } finally {
          agent.destroy();
        }
      },
    },
    {
      group: 'DistributedStorage',
      what: 'Swift v1: one auth request (plain HTTP)',
      once: () => httpRequest(new URL(s.swift.swiftAuthUrl), { 'x-auth-user': s.swift.swiftUser, 'x-auth-key': s.swift.swiftKey }),
    },
    {
      group: 'Email',
      what: 'SMTP: greeting, EHLO, QUIT (raw, no TLS)',
      once: () =>
        lineExchange(
          () => net.connect({ host: s.smtp.host, port: s.smtp.port }),
          'EHLO bench\r\nQUIT\r\n',
          (t) => /^221/m.test(t),
          /^220 /m,
        ),
    },
    { group: 'ElasticSearch', what: 'Elasticsearch fake: TLS, one GET', once: () => httpsRequest(new URL(`https://localhost:${s.elasticsearch.httpsPort}/`), 'GET', {}, ca) },
    { group: 'SecurityScanner', what: 'Clair fake: TLS, one GET', once: () => httpsRequest(new URL(s.clair.httpsUrl), 'GET', {}, ca) },
    { group: 'OIDC', what: 'OIDC provider: TLS, discovery GET', once: () => httpsRequest(new URL(`${s.oidc.issuer}/.well-known/openid-configuration`), 'GET', {}, ca) },
    { group: 'GitHubLogin', what: 'OAuth fake: TLS, one GET', once: () => httpsRequest(new URL(`${s.oauth.httpsUrl}/`), 'GET', {}, ca) },
  ];
  const floors: Floor[] = [];
  for (const e of exchanges) {
    await e.once(); // loads the library, warms the server's code path
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await e.once();
      samples.push(since(t0));
    }
    floors.push({ group: e.group, what: e.what, summary: summarize(samples) });
  }
  return floors;
}

/**
 * Connects, waits for `greeting` when the protocol starts with one, writes `send` and resolves
 * once the answer satisfies `done`.
 */
function lineExchange(open: () => net.Socket, send: string, done: (text: string) => boolean, greeting?: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = open();
    let text = '';
    let sent = false;
    const timer = setTimeout(() => socket.destroy(new Error('floor: no answer within 5 s')), 5000);
    const write = () => {
      sent = true;
      socket.write(send);
    };
    socket.once(socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect', () => {
      if (!greeting) write();
    });
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (!sent && greeting?.test(text)) write();
      else if (sent && done(text)) {
        clearTimeout(timer);
        socket.destroy();
        resolve();
      }
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** One request; `expectOk`: a non-2xx answer fails the floor (a sequence that did not do its work). */
function httpsRequest(url: URL, method: string, headers: Record<string, string>, ca: string, opts: { agent?: https.Agent; body?: string; expectOk?: boolean } = {}): Promise<void> {
  const { agent = false, body, expectOk = false } = opts;
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca, agent, timeout: 5000 }, (res) => {
      if (expectOk && (res.statusCode ?? 0) >= 300) reject(new Error(`floor: ${method} ${url.pathname} answered HTTP ${res.statusCode}`));
      res.resume();
      res.once('end', () => resolve());
    });
    req.once('error', reject);
    req.end(body);
  });
}

async function httpRequest(url: URL, headers: Record<string, string>): Promise<void> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers, agent: false, timeout: 5000 }, (res) => {
      res.resume();
      res.once('end', () => resolve());
    });
    req.once('error', reject);
    req.end();
  });
}

/** The floors of one group, for printing next to its probe time: the slowest exchange first. */
export function floorsOf(floors: Floor[], group: string): Floor[] {
  return floors.filter((f) => f.group === group).sort((a, b) => b.summary.median - a.summary.median);
}
