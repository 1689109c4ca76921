import type { ConfigMap } from '../config/values';
import type { BundleFiles } from '../bundle/types';
import type { FieldGroup, Probe, RuleContext } from '../fieldgroups/define';
import { fieldGroups, ownerOfKey } from '../fieldgroups/index';
import { extraCaPems } from '../certs/trust';
import { fileComponentProblems, groupManagement, operatorView, suppliedKeys, type Deployment, type OperatorProblem } from '../k8s/managed-components';
import { probeConnections } from '../probes/connections';
import { DEFAULT_ENDPOINTS, type PublicEndpoints, type ProbeContext } from '../probes/context';
import { checkAgainstSchema } from '../schema/check';
import { deprecatedKeys, notReadByQuay } from '../schema/keys';
import { DEFAULT_RELEASE, type QuayRelease } from '../schema/releases';
import { releaseSchemaOverride } from '../schema/release-rules';
import { fallbackHint } from '../schema/examples';
import { error, warning } from '../report/findings';
import { collectSecrets, redact } from '../config/redact';
import type { FieldGroupId, Finding, GroupReport, Stage, ValidationMode, ValidationReport } from '../report/types';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface ValidationInput {
  config: ConfigMap;
  files: BundleFiles;
  /** Problems found while reading the input (duplicate YAML keys, …), reported by the Schema group. */
  loadFindings?: Finding[];
}

export interface ValidationOptions {
  mode: ValidationMode;
  /** Only these groups; the others are reported as skipped. */
  groups?: readonly FieldGroupId[];
  /** Per-probe deadline. */
  timeoutMs?: number;
  /** Cancels every running probe. */
  signal?: AbortSignal;
  /** Called as each group finishes, for streaming (NDJSON, the wizard's progress). */
  onGroup?: (report: GroupReport) => void;
  now?: Date;
  endpoints?: Partial<PublicEndpoints>;
  /** The Quay release to judge for (`lib/schema/releases.ts`); the newest by default. */
  quayVersion?: QuayRelease;
  /** Under Quay's operator: its managed components (`lib/k8s/managed-components.ts`). */
  deployment?: Deployment;
  /** The field groups to run; the registry (`lib/fieldgroups/index.ts`) unless a test brings its own. */
  registry?: readonly FieldGroup[];
}

/**
 * The one validation pipeline shared by the CLI, the API and the wizard: schema check, offline rules
 * of every group, then (online) the groups' probes, all groups concurrently, each probe under its own
 * deadline. Findings never carry a secret value; the report order is the registry order.
 */
export async function validateConfig(input: ValidationInput, options: ValidationOptions): Promise<ValidationReport> {
  const started = performance.now();
  const ctx: RuleContext = {
    config: options.deployment ? operatorView(input.config, options.deployment) : input.config,
    files: input.files,
    now: options.now ?? new Date(),
    release: options.quayVersion ?? DEFAULT_RELEASE,
    ...(options.deployment ? { deployment: options.deployment } : {}),
  };
  const secrets = collectSecrets(input.config);
  const routed = routeSchemaViolations(ctx, input.loadFindings ?? []);
  const wanted = options.groups ? new Set(options.groups) : null;

  const reports = await Promise.all(
    (options.registry ?? fieldGroups).map(async (group) => {
      const report = await runGroup(group, ctx, input, routed.get(group.id) ?? [], wanted, options);
      for (const f of report.findings) {
        // Every error says what to do (a `required` one with an example value).
        if (!f.hint && (f.severity === 'error' || f.code === 'required')) f.hint = fallbackHint(f);
        f.message = clip(redact(f.message, secrets));
        if (f.hint) f.hint = clip(redact(f.hint, secrets));
        f.fields = f.fields.map(clip);
      }
      options.onGroup?.(report);
      return report;
    }),
  );
  return {
    valid: reports.every((r) => r.findings.every((f) => f.severity !== 'error')),
    mode: options.mode,
    quayVersion: ctx.release ?? DEFAULT_RELEASE,
    ...(options.deployment ? { managed: [...options.deployment.managed].sort() } : {}),
    durationMs: Math.round(performance.now() - started),
    groups: reports,
  };
}

/** The report for input that could not be read at all (bad YAML, a broken archive): one Schema error. */
export function unreadableReport(mode: ValidationMode, quayVersion: QuayRelease | undefined, message: string): ValidationReport {
  const finding = error([], message, { code: 'unreadable-input', hint: 'fix the file and validate again; nothing else was checked' });
  return {
    valid: false,
    mode,
    quayVersion: quayVersion ?? DEFAULT_RELEASE,
    durationMs: 0,
    groups: [{ group: 'Schema', status: 'error', durationMs: 0, findings: [finding] }],
  };
}

async function runGroup(group: FieldGroup, ctx: RuleContext, input: ValidationInput, schemaFindings: Finding[], wanted: Set<FieldGroupId> | null, options: ValidationOptions): Promise<GroupReport> {
  const started = performance.now();
  const done = (findings: Finding[], skippedReason?: string): GroupReport => ({
    group: group.id,
    status: skippedReason !== undefined ? 'skipped' : statusOf(findings),
    durationMs: Math.round(performance.now() - started),
    findings: sortFindings(findings),
    ...(skippedReason !== undefined ? { skippedReason } : {}),
  });
  if (wanted && !wanted.has(group.id)) return done([], 'not requested');
  // The operator judges the bundle as given, before it adds its own keys.
  const managed = ctx.deployment ? groupManagement(group.id, input.config, ctx.files, ctx.deployment) : null;
  // `tls` and `clairpostgres` are configured by files: their verdicts go with HostSettings and SecurityScanner.
  const fromFiles = ctx.deployment ? fileComponentProblems(group.id, input.config, ctx.files, ctx.deployment) : [];
  if (managed?.kind === 'supplied') {
    return fromFiles.length ? done(fromFiles.map(operatorFinding)) : done([], `supplied by the operator's managed ${managed.component} component`);
  }
  if (managed?.kind === 'clash') return done([managed, ...fromFiles].map(operatorFinding));

  let reason: string | null;
  try {
    reason = group.skipReason(ctx);
  } catch (e) {
    return done([internalError(group, e)]);
  }
  if (reason !== null) {
    // A skipped group's keys are not read by Quay: type problems there are only worth a warning.
    const demoted = schemaFindings.map((f) => ({ ...f, severity: 'warning' as const }));
    return demoted.length ? done(demoted) : done([], reason);
  }

  const findings: Finding[] = [];
  try {
    findings.push(...withoutSupplied(group.rules(ctx), ctx.deployment));
  } catch (e) {
    findings.push(internalError(group, e));
  }
  // The operator's own words, unless the group already reported the missing keys itself.
  for (const m of [...(managed?.kind === 'missing' ? [managed] : []), ...fromFiles]) {
    const covered = m.kind === 'missing' && findings.some((f) => f.severity === 'error' && f.fields.some((k) => m.fields.includes(k)));
    if (!covered) findings.push(operatorFinding(m));
  }
  // A group's own rule about a key says more than the generic schema message on the same key.
  const ruled = new Set(findings.flatMap((f) => f.fields));
  findings.unshift(...schemaFindings.filter((f) => !f.fields.some((k) => ruled.has(k))));
  if (options.mode === 'online' && group.probes) {
    let probes: Probe[] = [];
    try {
      probes = group.probes(ctx);
    } catch (e) {
      findings.push(internalError(group, e));
    }
    const failedFields = new Set(findings.filter((f) => f.severity === 'error').flatMap((f) => f.fields));
    const runnable = probes.filter((p) => !p.fields.some((k) => failedFields.has(k)));
    const results = await Promise.all(runnable.map((p) => runProbe(p, ctx, options)));
    findings.push(...results.flat());
  }
  return done(findings);
}

/** Drops "X is required" where a managed component of the operator writes X. */
function withoutSupplied(findings: Finding[], deployment: Deployment | undefined): Finding[] {
  if (!deployment) return findings;
  const supplied = suppliedKeys(deployment);
  return findings.filter((f) => !(f.code === 'required' && f.fields.some((k) => supplied.has(k))));
}

/** The operator's own verdict on a component, in its words (quay-operator `validateHasNecessaryConfig`). */
function operatorFinding(m: OperatorProblem): Finding {
  if (m.kind === 'clash') {
    return error([...m.fields], `${m.component} component marked as managed, but \`configBundleSecret\` contains required fields (${m.fields.join(', ')})`, {
      code: 'managed-component-configured',
      hint: `remove ${m.fields.join(', ')} from the bundle, or declare the ${m.component} component managed: false in the QuayRegistry`,
    });
  }
  return error([...m.fields], m.message ?? `required component \`${m.component}\` marked as unmanaged, but \`configBundleSecret\` is missing necessary fields`, {
    code: 'unmanaged-component-unconfigured',
    hint: `configure ${m.fields.join(' / ')} in the bundle, or let the operator manage ${m.component} (managed: true)`,
  });
}

/** Runs one probe under its own deadline; a probe that ignores its signal is still cut off. */
async function runProbe(probe: Probe, ctx: RuleContext, options: ValidationOptions): Promise<Finding[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onParentAbort, { once: true });
  let stage: Stage = 'config';
  // Requests in a row to one origin share a connection; none outlives the probe.
  const connections = probeConnections();
  const probeCtx: ProbeContext = {
    signal: controller.signal,
    timeoutMs,
    files: ctx.files,
    extraCAs: extraCaPems(ctx.files),
    enter: (s) => {
      stage = s;
    },
    endpoints: { ...DEFAULT_ENDPOINTS, ...options.endpoints },
    connections,
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Finding[]>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error('deadline'));
      // Grace period: a well-behaved probe reports its own timeout finding first.
      setTimeout(() => resolve([timeoutFinding(probe, stage, timeoutMs)]), 200).unref();
    }, timeoutMs);
  });
  try {
    if (options.signal?.aborted) return [cancelledFinding(probe)];
    return await Promise.race([probe.run(probeCtx).catch((e: unknown) => [internalProbeError(probe, stage, e)]), deadline]);
  } finally {
    clearTimeout(timer);
    controller.abort(new Error('probe finished'));
    connections.destroy();
    options.signal?.removeEventListener('abort', onParentAbort);
  }
}

/** Schema violations go to the group that owns the key; keys nobody owns go to the Schema group. */
function routeSchemaViolations(ctx: RuleContext, loadFindings: Finding[]): Map<FieldGroupId, Finding[]> {
  const routed = new Map<FieldGroupId, Finding[]>([['Schema', [...loadFindings]]]);
  for (const v of checkAgainstSchema(ctx.config)) {
    const owner = ownerOfKey(v.key) ?? 'Schema';
    const list = routed.get(owner) ?? [];
    const override = v.path === v.key ? releaseSchemaOverride(v.key, v.keyword, ctx.config[v.key], ctx.release ?? DEFAULT_RELEASE) : undefined;
    if (override?.verdict === 'accept') continue;
    // Quay no longer reads removed or misnamed keys: a bad value there cannot break it.
    const ignored = deprecatedKeys.has(v.key) || notReadByQuay.has(v.key) || override?.verdict === 'warn';
    const hint = override?.verdict === 'warn' ? { hint: override.hint } : {};
    list.push((ignored ? warning : error)(v.path, v.message, { code: `schema-${v.keyword}`, ...hint }));
    routed.set(owner, list);
  }
  return routed;
}

function statusOf(findings: Finding[]): GroupReport['status'] {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.length > 0) return 'warning';
  return 'ok';
}

function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

function timeoutFinding(probe: Probe, stage: Stage, timeoutMs: number): Finding {
  return error(probe.fields, `${probe.name}: no answer within ${timeoutMs} ms (stopped at the ${stage} stage)`, {
    code: 'timeout',
    stage,
    hint: 'check that the host and port are right and that no firewall drops the traffic',
  });
}

function cancelledFinding(probe: Probe): Finding {
  return warning(probe.fields, `${probe.name}: check cancelled`, { code: 'cancelled' });
}

function internalError(group: FieldGroup, e: unknown): Finding {
  return error(group.keys.slice(0, 1) as string[], `internal error in the ${group.id} checks: ${describe(e)}`, {
    code: 'internal-error',
  });
}

function internalProbeError(probe: Probe, stage: Stage, e: unknown): Finding {
  return error(probe.fields, `${probe.name}: check failed unexpectedly: ${describe(e)}`, { code: 'internal-error', stage });
}

/** Longest finding message, hint or key path: a 4 MiB value (or key) must not be sent back whole. */
export const MAX_MESSAGE_CHARS = 2000;

/** Shortens text to MAX_MESSAGE_CHARS (after redaction, so a secret is never half shown). */
function clip(text: string): string {
  return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
