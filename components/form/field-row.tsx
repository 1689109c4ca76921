'use client';

import type { ReactNode } from 'react';
import { LockIcon } from '@/components/ui/icons';
import { FieldIssues } from './field-issues';
import { inputIdFor, type FieldSpec } from './field-spec';
import { useFormEnv } from './form-env';

/** Accessibility wiring a widget puts on its input. */
export interface FieldA11y {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  readOnly: boolean;
}

/**
 * The single template around every field: label bound to the input, "Required" mark, key name,
 * help, read-only reason and the findings placed on this key path (`aria-describedby` points at
 * help and findings, `aria-invalid` follows error findings).
 */
export function FieldRow({
  spec,
  children,
  label = true,
  wide,
  inline,
}: {
  spec: FieldSpec;
  children: (a11y: FieldA11y) => ReactNode;
  /** False for widgets that label their own inputs (a switch, a fieldset with a legend). */
  label?: boolean;
  /** Full width (lists, nested objects, composites). */
  wide?: boolean;
  /** Control beside the label (switches). */
  inline?: boolean;
}) {
  const env = useFormEnv();
  const issues = env.issuesAt(spec.path);
  const id = inputIdFor(spec.path);
  const mirror = env.mirrorOf(spec.key);
  const readOnly = env.isReadOnly(spec.key) || mirror !== undefined;
  const helpId = spec.ui.help ? `${id}-help` : undefined;
  const issuesId = issues.length ? `${id}-issues` : undefined;
  const describedBy = [helpId, issuesId].filter(Boolean).join(' ') || undefined;
  const invalid = issues.some((f) => f.severity === 'error');
  const state = invalid ? 'error' : issues.length ? 'warning' : 'ok';
  return (
    <div className={`field field--${state}${wide ? ' field--wide' : ''}${inline ? ' field--inline' : ''}`} data-path={spec.path} data-testid={`field-${spec.path}`}>
      <div className="field__head">
        {label ? (
          <label className="field__label" htmlFor={id}>
            {spec.ui.title}
          </label>
        ) : (
          <span className="field__label" id={`${id}-label`}>
            {spec.ui.title}
          </span>
        )}
        {spec.required ? <span className="field__req">Required</span> : null}
        {mirror && spec.path === spec.key ? (
          <span className="field__ro" title={`Shows the values of ${mirror}: edit them there`}>
            <LockIcon size={12} /> Same as {mirror}
          </span>
        ) : readOnly && spec.path === spec.key ? (
          <span className="field__ro" title="This key belongs to a read-only field group (--readonly-groups)">
            <LockIcon size={12} /> Managed
          </span>
        ) : null}
        {spec.path.startsWith('@') ? null : <code className="field__key">{spec.path}</code>}
      </div>
      {spec.ui.help ? (
        <p id={helpId} className="field__help">
          {spec.ui.help}
        </p>
      ) : null}
      <div className="field__control">{children({ id, describedBy, invalid, readOnly })}</div>
      <FieldIssues id={issuesId} issues={issues} />
    </div>
  );
}
