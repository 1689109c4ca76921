import type { Finding } from '@/lib/report/types';
import { ErrorIcon, WarningIcon } from '@/components/ui/icons';
import { StageSteps } from './stage-steps';

/** The findings attached to one field (or to a group): message, hint and the stage reached. */
export function FieldIssues({ id, issues }: { id?: string; issues: readonly Finding[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="issues">
      {issues.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`issue issue--${f.severity}`} data-code={f.code} data-stage={f.stage}>
          {f.severity === 'error' ? <ErrorIcon size={15} /> : <WarningIcon size={15} />}
          <div className="issue__body">
            <span className="visually-hidden">{f.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
            <span className="issue__message">{f.message}</span>
            {f.hint ? <span className="issue__hint">{f.hint}</span> : null}
            <StageSteps stage={f.stage} severity={f.severity} />
          </div>
        </li>
      ))}
    </ul>
  );
}
