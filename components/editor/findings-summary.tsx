'use client';

import { ErrorIcon, WarningIcon } from '@/components/ui/icons';
import type { GroupFinding } from './findings';

/**
 * The error summary (GOV.UK pattern): a count announced to screen readers, then every finding as a
 * link that opens its section and focuses its field.
 */
export function FindingsSummary({
  findings,
  sectionTitle,
  onGoTo,
  validated,
}: {
  findings: readonly GroupFinding[];
  sectionTitle(f: GroupFinding): string;
  onGoTo(f: GroupFinding): void;
  validated: boolean;
}) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const summary =
    findings.length === 0 ? (validated ? 'No problems found.' : 'No problems found so far.') : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return (
    <div className="summary" data-testid="summary">
      <h3 className="summary__title" aria-live="polite" aria-atomic="true" data-testid="summary-count">
        {summary}
      </h3>
      {findings.length ? (
        <ul className="summary__list">
          {findings.map((f, i) => (
            <li key={`${f.group}-${f.code}-${i}`} className={`summary__item summary__item--${f.severity}`}>
              {f.severity === 'error' ? <ErrorIcon size={15} /> : <WarningIcon size={15} />}
              <div className="summary__body">
                <button type="button" className="summary__link" onClick={() => onGoTo(f)}>
                  {f.message}
                </button>
                <span className="summary__meta">
                  {f.fields[0] ? <code>{f.fields[0]}</code> : null} {sectionTitle(f)}
                  {sectionTitle(f) !== f.group ? ` · ${f.group}` : ''}
                  {f.stage !== 'config' ? ` · stopped at ${f.stage}` : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
