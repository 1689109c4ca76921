'use client';

import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { useConfigField } from './use-field';

/**
 * A boolean as a switch. An absent key shows Quay's default (and says so); a non-boolean value
 * from an uploaded file ("true" as a string) shows as off and is reported by the schema check.
 */
export function SwitchWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const absent = field.value === undefined || field.value === null;
  const checked = absent ? spec.ui.defaultValue === true : field.value === true;
  return (
    <label className="switch">
      <input
        id={a11y.id}
        name={spec.path}
        ref={field.ref}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={a11y.readOnly}
        onChange={(e) => field.onChange(e.target.checked)}
        onBlur={field.onBlur}
        aria-invalid={a11y.invalid || undefined}
        aria-describedby={a11y.describedBy}
        aria-labelledby={`${a11y.id}-label`}
      />
      <span className="switch__text">
        {checked ? 'On' : 'Off'}
        {absent && spec.ui.defaultValue !== undefined ? ' (default)' : ''}
        {!absent && typeof field.value !== 'boolean' ? ` (not a boolean: ${JSON.stringify(field.value)})` : ''}
      </span>
    </label>
  );
}
