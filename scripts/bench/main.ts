import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_MS } from '../../lib/validation/run';
import { ensureAppBuilt, startAppServer, type AppServer } from '../../test/harness/app-server';
import { buildCompleteConfig, toJsonBundle, writeBundleDirectory } from '../../test/harness/complete-config';
import { benchCli, type CliFigures } from './cli';
import { benchColdStart, type ColdStartFigures } from './cold-start';
import { benchOfflineValidateLoad, type LoadFigures } from './http-load';
import { benchIdleMemory, measureMemory, type MemoryFigures } from './memory';
import { benchPageWeight, type PageWeight } from './page-weight';
import { startServices } from './services';
import { formatSummary, kib, mib, ms, since, type Summary } from './stats';
import { benchHanging, benchOfflineInProcess, benchOnline, type HangingFigures, type TimedRuns } from './validation';

/**
 * `npm run bench`: the figures of design.md §10, printed, never asserted.
 * (a) full online validation, every service up; (b) the same with every service hanging, at the
 * default and a short deadline, against the sum a sequential validator would wait; (c) offline
 * validations per second through the HTTP API; (d) server cold start; (e) idle memory; (f) page weight.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Our own build directory, so the bench never rebuilds another engineer's `.next`. */
const DIST_DIR = process.env.QC_NEXT_DIST || '.next';
const FIGURES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
type Figure = (typeof FIGURES)[number];

const PLAN = {
  onlineRuns: 9,
  cliRuns: 3,
  offlineInProcessRuns: 200,
  hanging: [
    { timeoutMs: DEFAULT_TIMEOUT_MS, runs: 3 },
    { timeoutMs: 1000, runs: 5 },
  ],
  load: { requests: 1000, concurrency: 16, warmup: 48 },
  coldStarts: 3,
  idleMs: 5000,
  pages: ['/', '/editor'],
};

interface Results {
  online?: TimedRuns;
  cli?: CliFigures[];
  offlineInProcess?: { summary: Summary; perSecond: number };
  hanging?: HangingFigures[];
  load?: LoadFigures;
  loadRss?: MemoryFigures;
  coldStart?: ColdStartFigures;
  memory?: { afterStart: MemoryFigures; idle: MemoryFigures };
  pages?: PageWeight[];
  buildMs?: number;
  servicesMs?: number;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

export async function runBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' } } });
  const wanted = new Set<Figure>(values.only ? (values.only.split(',').map((s) => s.trim()) as Figure[]) : FIGURES);
  const unknown = [...wanted].filter((f) => !FIGURES.includes(f));
  if (unknown.length) {
    process.stderr.write(`bench: unknown figure(s) ${unknown.join(', ')}; known: ${FIGURES.join(', ')}\n`);
    return 2;
  }
  const started = performance.now();
  const [load1] = os.loadavg();
  log(`quay-config bench — node ${process.version}, ${os.cpus().length} CPUs, load average ${load1?.toFixed(2)} at start\n`);
  const results: Results = {};
  const needServer = ['c', 'd', 'e', 'f'].some((f) => wanted.has(f as Figure));

  // Build first (when the sources are newer than our build), so the build does not compete with the measurements.
  if (needServer) {
    const t0 = performance.now();
    const { built } = await ensureAppBuilt({ distDir: DIST_DIR, log: (l) => log(`[build] ${l}`) });
    if (built) results.buildMs = since(t0);
    log(built ? `[build] done in ${ms(since(t0))}` : `[build] ${DIST_DIR} is up to date`);
  }

  // The complete config needs the services' addresses and credentials, also for the offline figures.
  const t0 = performance.now();
  const services = await startServices(ROOT, log);
  results.servicesMs = since(t0);
  log(`[services] ${Object.entries(services.readyMs).map(([n, t]) => `${n} ${t} ms`).join(', ')}`);
  let body: string;
  try {
    const bundle = buildCompleteConfig(services.harness, { publicProviders: true });
    body = JSON.stringify(toJsonBundle(bundle));
    if (wanted.has('a')) {
      log(`(a) full online validation, every service up: ${PLAN.onlineRuns} runs…`);
      results.online = await benchOnline(bundle, PLAN.onlineRuns);
      log(`    ${formatSummary(results.online.summary)}; first run ${ms(results.online.firstMs)}`);
      // The CLI cannot re-point github.com/Google at the fakes: its bundle logs in with GitHub Enterprise instead.
      const dir = writeBundleDirectory(buildCompleteConfig(services.harness), path.join(services.harness.runDir, 'bench-bundle'));
      results.cli = [];
      for (const mode of ['online', 'offline'] as const) {
        log(`    CLI, ${mode}: ${PLAN.cliRuns} runs…`);
        results.cli.push(await benchCli(ROOT, dir, mode, PLAN.cliRuns));
      }
    }
    if (wanted.has('c')) results.offlineInProcess = await benchOfflineInProcess(bundle, PLAN.offlineInProcessRuns);
    if (wanted.has('b')) {
      log('(b) full online validation, every service hanging…');
      results.hanging = await benchHanging(bundle, PLAN.hanging);
      for (const h of results.hanging) log(`    deadline ${ms(h.timeoutMs)}: ${formatSummary(h.runs.summary)}`);
    }
  } finally {
    await services.stop();
  }

  if (wanted.has('c') || wanted.has('e') || wanted.has('f')) {
    const server: AppServer = await startAppServer({ distDir: DIST_DIR, password: 'bench-password', log: (l) => log(`[server] ${l}`) });
    try {
      if (wanted.has('e')) {
        log(`(e) server memory: start, a few requests, ${ms(PLAN.idleMs)} idle…`);
        results.memory = await benchIdleMemory(server, body, PLAN.idleMs);
      }
      if (wanted.has('f')) {
        log('(f) page weight…');
        results.pages = [];
        for (const p of PLAN.pages) results.pages.push(await benchPageWeight(server, p));
      }
      if (wanted.has('c')) {
        log(`(c) offline validations through the API: ${PLAN.load.requests} requests at concurrency ${PLAN.load.concurrency}…`);
        results.load = await benchOfflineValidateLoad(server, body, PLAN.load);
        results.loadRss = measureMemory(server.pid);
      }
    } finally {
      await server.stop();
    }
  }
  if (wanted.has('d')) {
    log(`(d) server cold start to the first health answer: ${PLAN.coldStarts} starts…`);
    results.coldStart = await benchColdStart(ROOT, DIST_DIR, PLAN.coldStarts);
  }

  log(`\n${formatTable(results)}`);
  const [load2] = os.loadavg();
  log(`\nbench finished in ${ms(since(started))}; load average ${load2?.toFixed(2)} at the end (other work on this machine shifts every figure).`);
  return 0;
}

function formatTable(r: Results): string {
  const rows: Array<[string, string]> = [];
  if (r.online) {
    const o = r.online;
    rows.push(['(a) online validation, every service up', `${formatSummary(o.summary)}`]);
    rows.push(['    first (cold) run', ms(o.firstMs)]);
    rows.push(['    slowest groups (last run)', o.slowest.slice(0, 4).map((g) => `${g.group} ${g.durationMs} ms`).join(', ')]);
    if (o.unexpected) rows.push(['    WARNING', `${o.unexpected} run(s) were not valid: the figures include failures`]);
  }
  for (const c of r.cli ?? []) {
    const bad = c.exitCodes.filter((x) => x !== 0).length;
    rows.push([`    CLI process, validate --mode ${c.mode}`, `${formatSummary(c.summary)}${bad ? `, ${bad} run(s) exited non-zero` : ''}`]);
  }
  for (const h of r.hanging ?? []) {
    rows.push([`(b) every service hanging, deadline ${ms(h.timeoutMs)}`, formatSummary(h.runs.summary)]);
    rows.push(['    sequential (sum of all probe deadlines)', `${h.probes} probes × ${ms(h.timeoutMs)} = ${ms(h.sequentialMs)}`]);
    if (h.runs.unexpected) rows.push(['    WARNING', `${h.runs.unexpected} run(s) were valid although every service hangs`]);
  }
  if (r.hanging) {
    // quay/config-tool, one check after another (reference/quay-config-tool.md §3.2), for this config's services.
    rows.push(['    config-tool worst case (same services)', 'DB 5 s + 2×Redis 10 s + LDAP 60 s + OIDC 3 s + SMTP 3 s + 2×storage 3 s = 97 s; GitHub, ES: no timeout']);
  }
  if (r.load) {
    const l = r.load;
    rows.push([`(c) offline validate via HTTPS API, c=${l.concurrency}`, `${l.perSecond.toFixed(0)} req/s (${l.requests} requests in ${ms(l.wallMs)}), p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}`]);
    if (l.failures) rows.push(['    WARNING', `${l.failures} failed answer(s), first: ${l.firstFailure}`]);
    if (r.loadRss) rows.push(['    server RSS after the load', mib(r.loadRss.treeRss)]);
  }
  if (r.offlineInProcess) {
    const o = r.offlineInProcess;
    rows.push(['    same validation in process, sequential', `${o.perSecond.toFixed(0)}/s, ${formatSummary(o.summary)}`]);
  }
  if (r.coldStart) rows.push(['(d) cold start to first /api/v2/health', `${formatSummary(r.coldStart.summary)} [${r.coldStart.samples.map((s) => ms(s)).join(', ')}]`]);
  if (r.memory) {
    const { afterStart, idle } = r.memory;
    rows.push(['(e) server RSS, idle after start + requests', `${mib(idle.treeRss)} (${mib(afterStart.treeRss)} right after start)`]);
    if (idle.children.length) {
      // tsx starts an esbuild service process when it transforms TypeScript at run time.
      rows.push(['    of which child processes', `${mib(idle.treeRss - idle.rss)}: ${idle.children.join('; ')}`]);
    }
  }
  for (const p of r.pages ?? []) {
    rows.push([
      `(f) page weight ${p.path} (HTML+JS+CSS)`,
      `${kib(p.total.raw)} raw, ${kib(p.total.gzip)} gzip — HTML ${kib(p.html)}, ${p.js.files} JS ${kib(p.js.raw)} (${kib(p.js.gzip)} gz), ${p.css.files} CSS ${kib(p.css.raw)} (${kib(p.css.gzip)} gz)${p.status === 200 ? '' : ` [HTTP ${p.status}]`}`,
    ]);
    if (p.missing.length) rows.push(['    WARNING', `assets that did not load: ${p.missing.join(', ')}`]);
  }
  if (r.buildMs !== undefined) rows.push([`(setup) next build into ${DIST_DIR}`, ms(r.buildMs)]);
  if (r.servicesMs !== undefined) rows.push(['(setup) harness services ready', ms(r.servicesMs)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const line = '─'.repeat(width + 2 + 60);
  return [line, ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), line].join('\n');
}
