import type { ReactNode } from 'react';
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';

/** Tone of a callout. */
export type AlertTone = 'info' | 'warning' | 'error' | 'success';

const ICONS = { info: InfoIcon, warning: WarningIcon, error: ErrorIcon, success: CheckCircleIcon } as const;

/**
 * An inline callout. `role` is left to the caller: use `role="alert"` only for messages that appear
 * in response to an action, so screen readers are not flooded on page load.
 */
export function Alert({ tone = 'info', title, children, role, actions }: { tone?: AlertTone; title?: ReactNode; children?: ReactNode; role?: 'alert' | 'status'; actions?: ReactNode }) {
  const Icon = ICONS[tone];
  return (
    <div className={`alert alert--${tone}`} role={role}>
      <Icon size={18} />
      <div className="alert__body">
        {title ? <div className="alert__title">{title}</div> : null}
        {children ? <div>{children}</div> : null}
        {actions ? <div className="row">{actions}</div> : null}
      </div>
    </div>
  );
}
