import { STAGES, type Stage } from '@/lib/report/types';

const PROBE_STAGES = STAGES.filter((s) => s !== 'config');

const LABELS: Record<Stage, string> = {
  config: 'config',
  dns: 'DNS',
  tcp: 'TCP',
  tls: 'TLS',
  auth: 'auth',
  semantic: 'checks',
};

/**
 * How far a live check got: DNS → TCP → TLS → auth → checks, with the rungs passed in green and
 * the one that failed in the finding's colour. Offline (`config`) findings show nothing.
 */
export function StageSteps({ stage, severity, passed }: { stage: Stage; severity?: 'error' | 'warning'; passed?: boolean }) {
  if (stage === 'config') return null;
  const reached = PROBE_STAGES.indexOf(stage as (typeof PROBE_STAGES)[number]);
  const failedLabel = passed ? 'all checks passed' : `stopped at ${LABELS[stage]}`;
  return (
    <ol className="stages" aria-label={`Connection check: ${failedLabel}`} data-stage={stage}>
      {PROBE_STAGES.map((s, i) => {
        const state = i < reached || passed ? 'done' : i === reached ? (severity === 'warning' ? 'warn' : 'fail') : 'todo';
        return (
          <li key={s} className={`stages__step stages__step--${state}`} aria-current={i === reached && !passed ? 'step' : undefined}>
            {LABELS[s]}
          </li>
        );
      })}
    </ol>
  );
}
