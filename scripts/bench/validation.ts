import { fieldGroups } from '../../lib/fieldgroups/index';
import { DEFAULT_TIMEOUT_MS, validateConfig } from '../../lib/validation/run';
import type { ValidationReport } from '../../lib/report/types';
import { redirectServices, SERVICE_NAMES, type CompleteBundle, type ServiceName } from '../../test/harness/complete-config';
import { startHangingServer, type HangingServer } from '../../test/harness/scenarios';
import { since, summarize, type Summary } from './stats';

/** Figures (a) and (b): full online validations in process, services up or all hanging. */

export interface TimedRuns {
  summary: Summary;
  /** The first run, before anything was warm (not part of the summary). */
  firstMs: number;
  /** Runs whose report was not what the scenario expects (valid when up, invalid when hanging). */
  unexpected: number;
  /** Groups whose probes ran, and their durations in the last run. */
  slowest: Array<{ group: string; durationMs: number }>;
}

async function timedValidation(bundle: CompleteBundle, timeoutMs: number | undefined): Promise<{ ms: number; report: ValidationReport }> {
  const t0 = performance.now();
  const report = await validateConfig({ config: bundle.config, files: bundle.files }, { mode: 'online', timeoutMs, endpoints: bundle.endpoints });
  return { ms: since(t0), report };
}

/** Runs one warm-up validation, then `runs` timed ones, one after another. */
async function timedRuns(bundle: CompleteBundle, runs: number, timeoutMs: number | undefined, expectValid: boolean): Promise<TimedRuns> {
  const first = await timedValidation(bundle, timeoutMs);
  let unexpected = first.report.valid === expectValid ? 0 : 1;
  const samples: number[] = [];
  let last = first.report;
  for (let i = 0; i < runs; i++) {
    const r = await timedValidation(bundle, timeoutMs);
    samples.push(r.ms);
    if (r.report.valid !== expectValid) unexpected++;
    last = r.report;
  }
  const slowest = last.groups
    .filter((g) => bundle.probedGroups.includes(g.group))
    .map((g) => ({ group: g.group, durationMs: g.durationMs }))
    .sort((a, b) => b.durationMs - a.durationMs);
  return { summary: summarize(samples), firstMs: first.ms, unexpected, slowest };
}

/** (a) The complete config with every service up: valid, every probe really talks to its service. */
export function benchOnline(bundle: CompleteBundle, runs: number): Promise<TimedRuns> {
  return timedRuns(bundle, runs, undefined, true);
}

export interface HangingFigures {
  timeoutMs: number;
  runs: TimedRuns;
  /** Probes in the config; a validator running them one after another waits probes × deadline. */
  probes: number;
  sequentialMs: number;
}

/**
 * (b) Every service replaced by a server that accepts and never answers: each probe waits for its
 * own deadline, all at once, so a run takes about one deadline.
 */
export async function benchHanging(bundle: CompleteBundle, plan: Array<{ timeoutMs: number; runs: number }>): Promise<HangingFigures[]> {
  const servers = new Map<ServiceName, HangingServer>();
  try {
    for (const name of SERVICE_NAMES) servers.set(name, await startHangingServer());
    const hanging = redirectServices(bundle, (name) => servers.get(name)?.port ?? 0);
    const probes = countProbes(hanging);
    const figures: HangingFigures[] = [];
    for (const { timeoutMs, runs } of plan) {
      const result = await timedRuns(hanging, runs, timeoutMs === DEFAULT_TIMEOUT_MS ? undefined : timeoutMs, false);
      figures.push({ timeoutMs, runs: result, probes, sequentialMs: probes * timeoutMs });
    }
    return figures;
  } finally {
    await Promise.all([...servers.values()].map((s) => s.close()));
  }
}

/** The probes the pipeline would run for this config (groups that apply and have probes). */
export function countProbes(bundle: CompleteBundle): number {
  const ctx = { config: bundle.config, files: bundle.files, now: new Date() };
  return fieldGroups.reduce((n, g) => (g.probes && g.skipReason(ctx) === null ? n + g.probes(ctx).length : n), 0);
}

/** Offline validations in process, one after another: the work behind each API request of (c). */
export async function benchOfflineInProcess(bundle: CompleteBundle, runs: number): Promise<{ summary: Summary; perSecond: number }> {
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await validateConfig({ config: bundle.config, files: bundle.files }, { mode: 'offline' });
    samples.push(since(t));
  }
  return { summary: summarize(samples), perSecond: (runs / since(t0)) * 1000 };
}
