import type https from 'node:https';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ValidationReport } from '../../lib/report/types';
import { startAppServer, type AppResponse, type AppServer } from '../harness/app-server';
import { closedPort, startHangingServer, type HangingServer } from '../harness/scenarios';
import { makeSandbox, type Sandbox } from './fs-guard';
import { procStats, type ProcStats } from './proc-stats';

/**
 * A bounded load run against the real server: a fixed number of concurrent validate requests,
 * offline and online against the harness' PostgreSQL and Redis (plus closed ports, a server that
 * never answers, and clients that hang up mid-validation). Every request must succeed (no 5xx,
 * no dropped connection); afterwards the server must hold no more sockets or descriptors than
 * before, have no child process left, keep no database connection open, and its memory must come
 * back near where it started.
 */

const h = inject('harness');
const pgInfo = h.services.postgres as { host: string; port: number; user: string; password: string; database: string; superUser: string; superPassword: string };
const redis = h.services.redis as { host: string; port: number; password: string };

const REQUESTS = 1440;
const CONCURRENCY = 24;
const MiB = 1024 * 1024;
const HEAP_MIB = 192;

let server: AppServer;
let sandbox: Sandbox;
let hanging: HangingServer;
let closed = 0;

beforeAll(async () => {
  if (!pgInfo || !redis) throw new Error('the load test needs the postgres and redis test services (QC_SERVICES=all or include them)');
  hanging = await startHangingServer();
  closed = await closedPort();
  sandbox = makeSandbox('qc-load-');
  // A bounded heap: V8 otherwise grows it lazily (RSS climbs for thousands of requests, then
  // levels off), which would hide a leak behind GC laziness. A real leak now ends in an OOM crash.
  server = await startAppServer({ cwd: sandbox.cwd, env: { TMPDIR: sandbox.tmp, NODE_OPTIONS: `--max-old-space-size=${HEAP_MIB}` } });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await hanging?.close();
  sandbox?.remove();
});

const base = {
  SERVER_HOSTNAME: 'quay.example.com',
  PREFERRED_URL_SCHEME: 'https',
  SECRET_KEY: 'e9bd34f4-900c-436a-979e-7530e5d74ac8',
  DATABASE_SECRET_KEY: 'a8c2744b-7004-4af2-bcee-e417e7bdd235',
  DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/datastorage/registry' }] },
  DISTRIBUTED_STORAGE_PREFERENCE: ['default'],
  DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [],
  SUPER_USERS: ['quayadmin'],
};
const dbUri = (password: string, port = pgInfo.port) => `postgresql://${pgInfo.user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${pgInfo.database}`;
const redisAt = (port: number, password = redis.password) => ({ host: '127.0.0.1', port, password });
const bundle = (config: Record<string, unknown>) => JSON.stringify({ 'config.yaml': { ...base, ...config } });

interface Kind {
  name: string;
  endpoint: string;
  body: string;
  /** What the report must say, so a wrong 200 is caught too. */
  check?: (report: ValidationReport) => void;
  /** The client hangs up after this many ms (the server must cancel the probes). */
  abortAfterMs?: number;
}

/** A group's status; `warning` is a pass (e.g. PostgreSQL's unverified TLS with the default sslmode). */
const groupStatus = (r: ValidationReport, g: string) => r.groups.find((x) => x.group === g)?.status;

/** The mix of requests, cycled through until REQUESTS have been sent. */
function kinds(): Kind[] {
  const good = bundle({ DB_URI: dbUri(pgInfo.password), BUILDLOGS_REDIS: redisAt(redis.port), USER_EVENTS_REDIS: redisAt(redis.port) });
  return [
    { name: 'offline', endpoint: '/api/v2/validate?mode=offline', body: good, check: (r) => expect(r.mode).toBe('offline') },
    {
      name: 'online, real services',
      endpoint: '/api/v2/validate?mode=online&timeoutMs=5000',
      body: good,
      check: (r) => expect([groupStatus(r, 'Database'), groupStatus(r, 'Redis')].every((x) => x === 'ok' || x === 'warning')).toBe(true),
    },
    {
      name: 'online, wrong passwords',
      endpoint: '/api/v2/validate?mode=online&timeoutMs=5000',
      body: bundle({ DB_URI: dbUri('wrong-pw'), BUILDLOGS_REDIS: redisAt(redis.port, 'wrong-pw'), USER_EVENTS_REDIS: redisAt(redis.port) }),
      check: (r) => expect([groupStatus(r, 'Database'), groupStatus(r, 'Redis')]).toEqual(['error', 'error']),
    },
    { name: 'offline', endpoint: '/api/v2/validate?mode=offline', body: bundle({ DB_URI: 5, BUILDLOGS_REDIS: 'x' }), check: (r) => expect(r.valid).toBe(false) },
    {
      name: 'online, closed ports',
      endpoint: '/api/v2/validate?mode=online&timeoutMs=1000',
      body: bundle({ DB_URI: dbUri(pgInfo.password, closed), BUILDLOGS_REDIS: redisAt(closed), USER_EVENTS_REDIS: redisAt(closed) }),
      check: (r) => expect(groupStatus(r, 'Database')).toBe('error'),
    },
    {
      name: 'online, hanging server',
      endpoint: '/api/v2/validate?mode=online&timeoutMs=400',
      body: bundle({ DB_URI: dbUri(pgInfo.password, hanging.port), BUILDLOGS_REDIS: redisAt(hanging.port), USER_EVENTS_REDIS: redisAt(redis.port) }),
      check: (r) => expect(groupStatus(r, 'Database')).toBe('error'),
    },
    { name: 'stream, real services', endpoint: '/api/v2/validate/stream?mode=online&timeoutMs=5000', body: good },
    { name: 'v1, real services', endpoint: '/api/v1/config/validate', body: good },
    {
      name: 'client hangs up mid-validation',
      endpoint: '/api/v2/validate?mode=online&timeoutMs=5000',
      body: bundle({ DB_URI: dbUri(pgInfo.password, hanging.port), BUILDLOGS_REDIS: redisAt(hanging.port), USER_EVENTS_REDIS: redisAt(hanging.port) }),
      abortAfterMs: 150,
    },
  ];
}

/** Sockets of the server that are neither its listening socket nor closing down. */
const live = (s: ProcStats) => s.sockets.filter((x) => x.state !== 'LISTEN' && x.state !== 'TIME_WAIT');
const toServices = (s: ProcStats) => live(s).filter((x) => [pgInfo.port, redis.port, hanging.port].includes(x.remotePort));

async function settle(until: () => boolean, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  while (Date.now() < end && !until()) await new Promise((r) => setTimeout(r, 250));
}

async function quayConnections(): Promise<number> {
  const c = new pg.Client({ host: pgInfo.host, port: pgInfo.port, user: pgInfo.superUser, password: pgInfo.superPassword, database: 'postgres', ssl: false });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE usename = 'quay'");
    return Number(r.rows[0]?.n ?? NaN);
  } finally {
    await c.end();
  }
}

describe('a bounded load of concurrent validations', () => {
  let baseline: ProcStats;
  const outcomes: Array<{ kind: string; status: number | 'aborted' | string }> = [];

  it('warms up, then records the baseline', async () => {
    const agent = server.agent();
    for (const k of kinds().filter((x) => !x.abortAfterMs)) {
      const r = await server.request('POST', k.endpoint, { body: k.body, headers: { 'content-type': 'application/json' }, agent, timeoutMs: 30_000 });
      expect(r.status, `${k.name}: ${r.text.slice(0, 300)}`).toBe(200);
    }
    agent.destroy();
    await settle(() => toServices(procStats(server.pid)).length === 0 && live(procStats(server.pid)).length === 0, 10_000);
    baseline = procStats(server.pid);
    expect(toServices(baseline)).toEqual([]);
  }, 120_000);

  it(`serves ${REQUESTS} requests, ${CONCURRENCY} at a time, without one error`, async () => {
    const mix = kinds();
    const agent: https.Agent = server.agent({ maxSockets: CONCURRENCY });
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < REQUESTS; i = next++) {
        const k = mix[i % mix.length] as Kind;
        if (k.abortAfterMs) {
          // A client that gives up: its own connection, destroyed mid-request.
          const r = await server.request('POST', k.endpoint, { body: k.body, headers: { 'content-type': 'application/json' }, timeoutMs: k.abortAfterMs }).catch((e: unknown) => e);
          outcomes.push({
            kind: k.name,
            status: r instanceof Error && /no complete response/.test(r.message) ? 'aborted' : `unexpected: ${String(r instanceof Error ? r.message : (r as AppResponse).status)}`,
          });
          continue;
        }
        try {
          const r = await server.request('POST', k.endpoint, { body: k.body, headers: { 'content-type': 'application/json' }, agent, timeoutMs: 30_000 });
          if (r.status === 200 && k.check) k.check(JSON.parse(r.text) as ValidationReport);
          if (r.status === 200 && k.endpoint.includes('/stream')) expect(r.text.trim().split('\n').at(-1)).toMatch(/^\{"event":"done"/);
          outcomes.push({ kind: k.name, status: r.status });
        } catch (e) {
          outcomes.push({ kind: k.name, status: `failed: ${e instanceof Error ? e.message : String(e)}` });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    const bad = outcomes.filter((o) => o.status !== 200 && o.status !== 'aborted');
    expect(bad.map((o) => `${o.kind}: ${o.status}`).slice(0, 20)).toEqual([]);
    expect(outcomes).toHaveLength(REQUESTS);
    expect(outcomes.filter((o) => o.status === 'aborted').length).toBeGreaterThan(0);
    // The hanging server really was connected to (so the socket check below means something).
    expect(hanging.accepted()).toBeGreaterThan(0);
  }, 300_000);

  it('afterwards holds no extra sockets or descriptors, no child process and no database connection', async () => {
    let now = procStats(server.pid);
    await settle(() => ((now = procStats(server.pid)), live(now).length <= live(baseline).length && now.fds <= baseline.fds + 2), 15_000);
    expect(toServices(now), 'connections to PostgreSQL, Redis or the hanging server left open').toEqual([]);
    expect(live(now).length).toBeLessThanOrEqual(live(baseline).length);
    expect(now.fds).toBeLessThanOrEqual(baseline.fds + 2);
    expect(now.children).toEqual(baseline.children);
    expect(await quayConnections()).toBe(0);
  }, 60_000);

  it('gives its memory back: resident size near the baseline after a settle period', async () => {
    await new Promise((r) => setTimeout(r, 5000));
    const rss = procStats(server.pid).rssBytes;
    console.info(`server RSS: baseline ${(baseline.rssBytes / MiB).toFixed(0)} MiB, after load ${(rss / MiB).toFixed(0)} MiB`);
    expect(rss).toBeLessThan(baseline.rssBytes + 150 * MiB);
  }, 30_000);

  it('stayed healthy and logged no internal error', async () => {
    expect((await server.request('GET', '/api/v2/health', { auth: false })).status).toBe(200);
    expect(server.output()).not.toMatch(/internal error|\n\s+at .+:\d+:\d+|Unhandled|uncaught|MaxListenersExceeded/i);
  });
});
