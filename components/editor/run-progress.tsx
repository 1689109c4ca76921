'use client';

import { useEffect, useState } from 'react';
import type { GroupReport } from '@/lib/report/types';
import { StageSteps } from '@/components/form/stage-steps';
import { Button } from '@/components/ui/button';
import { CheckCircleIcon, CircleIcon, ErrorIcon, StopIcon, WarningIcon } from '@/components/ui/icons';
import type { ValidationRun } from './use-validation';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The run in progress (or last run): progress, elapsed time, Cancel, and one row per group. */
export function RunProgress({ run, onCancel }: { run: ValidationRun; onCancel(): void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (run.status !== 'running') return;
    const t = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(t);
  }, [run.status]);
  const elapsed = (run.finishedAt ?? now) - run.startedAt;
  const received = new Map(run.received.map((g) => [g.group, g]));
  const rows = run.groups.map((g) => ({ group: g, report: received.get(g) }));
  const active = rows.filter((r) => r.report?.status !== 'skipped');
  const skipped = rows.length - active.length;
  const done = run.received.length;
  const total = run.groups.length;
  // Skipped groups did not run: the finished line counts only the ones that did.
  const checked = run.received.filter((g) => g.status !== 'skipped').length;
  return (
    <div className="run" data-testid="run" data-status={run.status}>
      <div className="run__line">
        <span className="grow" aria-live="polite">
          {run.status === 'running'
            ? `Checking… ${done} of ${total} groups`
            : run.status === 'done'
              ? `Finished: ${checked} group${checked === 1 ? '' : 's'} checked`
              : run.status === 'cancelled'
                ? 'Cancelled'
                : `Failed: ${run.error ?? ''}`}
        </span>
        <span className="run__time" aria-label="Elapsed time">
          {seconds(elapsed)}
        </span>
        {run.status === 'running' ? (
          <Button size="sm" onClick={onCancel} data-testid="cancel-validation">
            <StopIcon size={12} /> Cancel
          </Button>
        ) : null}
      </div>
      <div className="progress" role="progressbar" aria-label="Validation progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div className="progress__bar" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
      <ul className="run__groups">
        {active.map(({ group, report }) => (
          <li key={group} className="run__group" data-group={group} data-status={report?.status ?? 'pending'}>
            <GroupIcon report={report} running={run.status === 'running'} />
            <span className="grow">{group}</span>
            {report ? <span className="muted run__ms">{report.durationMs} ms</span> : null}
            {report ? <DeepestStage report={report} /> : null}
          </li>
        ))}
      </ul>
      {skipped ? <SkippedGroups reports={run.received.filter((g) => g.status === 'skipped')} /> : null}
    </div>
  );
}

/** Skipped groups: those the operator supplies are named with its reason; the others are counted. */
function SkippedGroups({ reports }: { reports: readonly GroupReport[] }) {
  const byOperator = reports.filter((g) => g.skippedReason?.includes('operator'));
  const others = reports.length - byOperator.length;
  return (
    <>
      {byOperator.length ? (
        <ul className="run__groups">
          {byOperator.map((g) => (
            <li key={g.group} className="run__group" data-group={g.group} data-status="skipped">
              <CircleIcon size={16} className="run__pending" aria-label="skipped" />
              <span className="grow">{g.group}</span>
              <span className="muted run__skipped">{g.skippedReason}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {others ? (
        <p className="muted run__skipped">
          {others} group{others === 1 ? '' : 's'} skipped (not enabled in this configuration)
        </p>
      ) : null}
    </>
  );
}

function GroupIcon({ report, running }: { report: GroupReport | undefined; running: boolean }) {
  if (!report) return running ? <span className="spinner run__spinner" aria-label="running" /> : <CircleIcon size={16} className="run__pending" aria-label="not run" />;
  if (report.status === 'ok') return <CheckCircleIcon size={16} className="run__ok" aria-label="passed" />;
  if (report.status === 'warning') return <WarningIcon size={16} className="run__warn" aria-label="warnings" />;
  return <ErrorIcon size={16} className="run__err" aria-label="failed" />;
}

/** The rung the worst live check of a group reached. */
function DeepestStage({ report }: { report: GroupReport }) {
  const probe = report.findings.find((f) => f.stage !== 'config' && f.severity === 'error') ?? report.findings.find((f) => f.stage !== 'config');
  return probe ? (
    <div className="run__stage">
      <StageSteps stage={probe.stage} severity={probe.severity} />
    </div>
  ) : null;
}
