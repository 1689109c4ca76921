'use client';

import { Badge } from '@/components/ui/badge';
import type { GroupFinding } from './findings';
import { FindingsSummary } from './findings-summary';
import { RunProgress } from './run-progress';
import type { ValidationRun } from './use-validation';

/** The right-hand panel: the validation run with its progress, then the summary of every finding. */
export function ValidationPanel({
  run,
  findings,
  sectionTitle,
  onCancel,
  onGoTo,
}: {
  run: ValidationRun | null;
  findings: readonly GroupFinding[];
  sectionTitle(f: GroupFinding): string;
  onCancel(): void;
  onGoTo(f: GroupFinding): void;
}) {
  const errors = findings.some((f) => f.severity === 'error');
  const badge =
    run?.status === 'running' ? (
      <Badge tone="info">Running</Badge>
    ) : errors ? (
      <Badge tone="error">Invalid</Badge>
    ) : run?.status === 'done' ? (
      <Badge tone="ok">Valid</Badge>
    ) : (
      <Badge>Not validated</Badge>
    );
  return (
    <aside className="panel" aria-labelledby="panel-title" data-testid="validation-panel">
      <div className="panel__head">
        <h2 id="panel-title" className="grow">
          Validation
        </h2>
        {badge}
      </div>
      {run ? (
        <RunProgress run={run} onCancel={onCancel} />
      ) : (
        <p className="muted panel__intro">
          Problems with types and formats show as you type. <strong>Validate section</strong> or <strong>Validate all</strong> also connects to your database, Redis, storage and other services.
        </p>
      )}
      <FindingsSummary findings={findings} sectionTitle={sectionTitle} onGoTo={onGoTo} validated={run?.status === 'done'} />
    </aside>
  );
}
