import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_MS } from '../../lib/validation/run';
import { ensureAppBuilt, startAppServer, type AppServer } from '../../test/harness/app-server';
import { buildCompleteConfig, toJsonBundle, writeBundleDirectory, type CompleteBundle } from '../../test/harness/complete-config';
import { benchCliProcesses, cliCommands, extraCaCerts, withoutExtraCaCerts, type ProcessFigures } from './cli';
import { benchColdStart, type ColdStartFigures } from './cold-start';
import { benchFloors, floorsOf, type Floor } from './floors';
import { benchOfflineValidateLoad, type LoadFigures } from './http-load';
import { benchIdleMemory, measureMemory, settleAfterLoad, type MemoryFigures, type SettleFigures } from './memory';
import { benchPageWeight, type PageWeight } from './page-weight';
import { startServices } from './services';
import { benchScaling, benchScalingApi, perItem, type ScalingFigures } from './scaling';
import { formatSummary, kib, mib, ms, since, type Summary } from './stats';
import { benchHanging, benchOfflineInProcess, benchOnline, type HangingFigures, type TimedRuns } from './validation';

/**
 * `npm run bench`: the figures of design.md §10, printed, never asserted.
 * (a) full online validation, every service up; (b) the same with every service hanging, at the
 * default and a short deadline, against the sum a sequential validator would wait; (c) offline
 * validations per second through the HTTP API; (d) server cold start; (e) idle memory, and after (c)'s
 * load; (f) page weight; (g) the CLI process, offline and online, next to `node -e 0`, with peak RSS;
 * (h) validation cost as the config grows (unknown keys, storage locations, CA files).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Our own build directory, so the bench never rebuilds another engineer's `.next`. */
const DIST_DIR = process.env.QC_NEXT_DIST || '.next';
const FIGURES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
type Figure = (typeof FIGURES)[number];

const PLAN = {
  onlineRuns: 9,
  floorRuns: 7,
  cliRuns: 9,
  scalingRuns: 7,
  scalingApiRuns: 5,
  offlineInProcessRuns: 200,
  hanging: [
    { timeoutMs: DEFAULT_TIMEOUT_MS, runs: 3 },
    { timeoutMs: 1000, runs: 5 },
  ],
  load: { requests: 1000, concurrency: 16, warmup: 48 },
  coldStarts: 3,
  idleMs: 5000,
  /** After (c)'s load: the RSS is read once a second until back at (e)'s idle figure, at most this long. */
  settleMaxMs: 60_000,
  /** …and printed as it was this long after the load, too. */
  settleReportMs: 10_000,
  pages: ['/', '/editor'],
};

export interface Results {
  online?: TimedRuns;
  /** Each probed service's own floor (one exchange of its protocol), next to (a). */
  floors?: Floor[];
  cli?: ProcessFigures[];
  /** (g) again without NODE_EXTRA_CA_CERTS, when this environment sets it. */
  cliWithoutExtraCas?: ProcessFigures[];
  scaling?: ScalingFigures;
  scalingApi?: ScalingFigures;
  offlineInProcess?: { summary: Summary; perSecond: number };
  hanging?: HangingFigures[];
  load?: LoadFigures;
  loadRss?: MemoryFigures;
  /** After the load: when (if) the RSS was back at the idle figure of (e). */
  settle?: SettleFigures;
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
  const needServer = ['c', 'd', 'e', 'f', 'h'].some((f) => wanted.has(f as Figure));

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
  log(
    `[services] ${Object.entries(services.readyMs)
      .map(([n, t]) => `${n} ${t} ms`)
      .join(', ')}`,
  );
  let body: string;
  let bundle: CompleteBundle;
  try {
    bundle = buildCompleteConfig(services.harness, { publicProviders: true });
    body = JSON.stringify(toJsonBundle(bundle));
    if (wanted.has('a')) {
      log(`(a) full online validation, every service up: ${PLAN.onlineRuns} runs…`);
      results.online = await benchOnline(bundle, PLAN.onlineRuns);
      log(`    ${formatSummary(results.online.summary)}; first run ${ms(results.online.firstMs)}`);
      log(`(a) each service's floor, one exchange of its own protocol: ${PLAN.floorRuns} runs each…`);
      results.floors = await benchFloors(services.harness, PLAN.floorRuns);
    }
    if (wanted.has('g')) {
      // The CLI cannot re-point github.com/Google at the fakes: its bundle logs in with GitHub Enterprise instead.
      const dir = writeBundleDirectory(buildCompleteConfig(services.harness), path.join(services.harness.runDir, 'bench-bundle'));
      log(`(g) CLI processes: ${PLAN.cliRuns} rounds of node -e 0, offline, online…`);
      results.cli = await benchCliProcesses(ROOT, cliCommands(ROOT, dir), PLAN.cliRuns);
      if (extraCaCerts()) {
        log('(g) again without NODE_EXTRA_CA_CERTS…');
        results.cliWithoutExtraCas = await benchCliProcesses(ROOT, cliCommands(ROOT, dir).slice(0, 3), PLAN.cliRuns, withoutExtraCaCerts());
      }
    }
    if (wanted.has('h')) {
      log(`(h) validation cost as the config grows, in process: ${PLAN.scalingRuns} runs each…`);
      results.scaling = await benchScaling(bundle, PLAN.scalingRuns);
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

  if (wanted.has('c') || wanted.has('e') || wanted.has('f') || wanted.has('h')) {
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
        results.settle = await settleAfterLoad(server.pid, results.memory?.idle.treeRss, { maxMs: PLAN.settleMaxMs, reportAtMs: PLAN.settleReportMs });
      }
      if (wanted.has('h')) {
        log(`(h) unknown keys through the API: ${PLAN.scalingApiRuns} runs each…`);
        results.scalingApi = await benchScalingApi(server, bundle, PLAN.scalingApiRuns);
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
    rows.push([
      '    slowest groups (last run)',
      o.slowest
        .slice(0, 4)
        .map((g) => `${g.group} ${g.durationMs} ms`)
        .join(', '),
    ]);
    if (r.floors) {
      // What the service itself needs for one exchange: a probe cannot go below it.
      for (const g of o.slowest) {
        const floors = floorsOf(r.floors, g.group);
        if (floors.length === 0) continue;
        rows.push([`    ${g.group} ${g.durationMs} ms; service floor`, floors.map((f) => `${ms(f.summary.median)} ${f.what}`).join('; ')]);
      }
    }
    if (o.unexpected) rows.push(['    WARNING', `${o.unexpected} run(s) were not valid: the figures include failures`]);
  }
  rows.push(...cliRows(r.cli ?? [], '(g) '));
  const extra = extraCaCerts();
  if (extra && r.cliWithoutExtraCas) {
    rows.push([`(g) NODE_EXTRA_CA_CERTS is set`, `${extra.file}, ${extra.certificates} certificates, parsed at every Node start; without it:`]);
    rows.push(...cliRows(r.cliWithoutExtraCas, '    '));
  }
  if (r.cli) rows.push(['    config-tool (Go), issue 11', 'offline 28 ms, online 31 ms / 23.5 MiB']);
  for (const [title, f] of [
    ['(h) offline validation in process', r.scaling],
    ['(h) offline validation via the API', r.scalingApi],
  ] as const) {
    if (!f) continue;
    rows.push([`${title}, complete config`, formatSummary(f.base)]);
    for (const c of f.cases) rows.push([`    + ${c.label}`, `${formatSummary(c.summary)}; ${perItem(f.base, c)}`]);
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
    rows.push([
      `(c) offline validate via HTTPS API, c=${l.concurrency}`,
      `${l.perSecond.toFixed(0)} req/s (${l.requests} requests in ${ms(l.wallMs)}), p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}`,
    ]);
    if (l.failures) rows.push(['    WARNING', `${l.failures} failed answer(s), first: ${l.firstFailure}`]);
    if (r.loadRss) rows.push(['    server RSS after the load', mib(r.loadRss.treeRss)]);
    if (r.settle) {
      const s = r.settle;
      rows.push([`    … and ${ms(PLAN.settleReportMs)} later`, `${mib(s.atReport)}${r.memory ? ` (idle before the load: ${mib(r.memory.idle.treeRss)})` : ''}`]);
      rows.push([
        '    back at the idle figure',
        s.backAfterMs !== undefined
          ? `after ${(s.backAfterMs / 1000).toFixed(0)} s (lowest ${mib(s.lowest.rss)})`
          : `not within ${PLAN.settleMaxMs / 1000} s (lowest ${mib(s.lowest.rss)} at ${(s.lowest.ms / 1000).toFixed(0)} s)`,
      ]);
    }
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
  rows.push(...verdicts(r));
  if (r.buildMs !== undefined) rows.push([`(setup) next build into ${DIST_DIR}`, ms(r.buildMs)]);
  if (r.servicesMs !== undefined) rows.push(['(setup) harness services ready', ms(r.servicesMs)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const line = '─'.repeat(width + 2 + 60);
  return [line, ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), line].join('\n');
}

/** One row per CLI command of (g), its ratio to the first one (`node -e 0`) and its peak RSS. */
function cliRows(figures: ProcessFigures[], prefix: string): Array<[string, string]> {
  const [baseline] = figures;
  return figures.map((c) => {
    const bad = c.exitCodes.filter((x) => x !== 0).length;
    const ratio = baseline && c !== baseline ? `, ${(c.wall.median / baseline.wall.median).toFixed(1)}× node start-up` : '';
    return [`${prefix}${c.label}`, `${formatSummary(c.wall)}${ratio}; peak RSS ${mib(c.peakRss.median)}${bad ? `; ${bad} run(s) exited non-zero` : ''}`];
  });
}

/** Issue 11's targets, one line each: met or not met, with the figure that decides. */
export function verdicts(r: Results): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  const say = (target: string, met: boolean, figure: string) => rows.push([`target: ${target}`, `${met ? 'met' : 'NOT MET'} — ${figure}`]);
  const [baseline, offline, online] = r.cli ?? [];
  if (baseline && offline && online) {
    const ratio = (c: ProcessFigures) => c.wall.median / baseline.wall.median;
    // Both the time and its ratio to `node -e 0` of the same run (0.15 s is 3× a 50 ms start-up, so
    // 0.2 s is 4×): met only when both hold; on a busy machine the ratio says more (see the note).
    const timed = (c: ProcessFigures, seconds: number, times: number) => c.wall.median <= seconds * 1000 && ratio(c) <= times;
    say('CLI offline ≤ 0.15 s (≤ 3× node start-up)', timed(offline, 0.15, 3), `${ms(offline.wall.median)}, ${ratio(offline).toFixed(1)}× node -e 0 (${ms(baseline.wall.median)})`);
    say('CLI online, all green ≤ 0.2 s (≤ 4× node start-up)', timed(online, 0.2, 4), `${ms(online.wall.median)}, ${ratio(online).toFixed(1)}× node -e 0`);
    // Judged in this environment as it is; the same runs without the extra CAs, for comparison.
    const [bare, cleanOffline, cleanOnline] = r.cliWithoutExtraCas ?? [];
    if (bare && cleanOffline && cleanOnline) {
      const per = (c: ProcessFigures) => `${ms(c.wall.median)} (${(c.wall.median / bare.wall.median).toFixed(1)}×)`;
      rows.push(['    without NODE_EXTRA_CA_CERTS', `offline ${per(cleanOffline)}, online ${per(cleanOnline)}, node -e 0 ${ms(bare.wall.median)}`]);
    }
    if (baseline.wall.median > 1.5 * baseline.wall.min) {
      rows.push(['    note', `node -e 0 took ${ms(baseline.wall.min)}–${ms(baseline.wall.max)}: the machine is busy, judge the CLI times by their ratios`]);
    }
    for (const c of [offline, online]) {
      const mode = c === offline ? 'offline' : 'online';
      say(`CLI peak RSS ≤ 60 MiB (${mode})`, c.peakRss.median <= 60 * 1024 * 1024, `${mib(c.peakRss.median)} (node -e 0: ${mib(baseline.peakRss.median)})`);
    }
  }
  for (const [where, f] of [
    ['in process', r.scaling],
    ['API', r.scalingApi],
  ] as const) {
    const keys = f?.cases.filter((c) => c.label.endsWith('unknown keys') && c.added >= 1000).sort((a, b) => a.added - b.added);
    const [small, big] = [keys?.[0], keys?.at(-1)];
    if (!f || !small || !big || small === big) continue;
    const per = (c: typeof small) => (c.summary.median - f.base.median) / c.added;
    // Linear: an item costs no more among 5000 than among 1000 (2× allowed for noise), or next to nothing.
    const linear = per(big) <= Math.max(2 * per(small), 0.005);
    say(`cost linear in config size (${where})`, linear, `${perItem(f.base, small)} at ${small.added}, ${perItem(f.base, big)} at ${big.added}`);
  }
  if (r.settle && r.memory && r.loadRss) {
    const s = r.settle;
    say(
      `server RSS back at its idle figure after ${r.load?.requests ?? ''} validations (within ${PLAN.settleMaxMs / 1000} s)`,
      s.backAfterMs !== undefined,
      `idle ${mib(r.memory.idle.treeRss)}, after the load ${mib(r.loadRss.treeRss)}, ${s.backAfterMs !== undefined ? `back after ${(s.backAfterMs / 1000).toFixed(0)} s` : `lowest ${mib(s.lowest.rss)}`}`,
    );
  }
  return rows;
}
