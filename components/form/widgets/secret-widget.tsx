'use client';

import { SecretInput } from '@/components/ui/secret-input';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { asText, useConfigField } from './use-field';

/** A secret string, masked with a reveal toggle. */
export function SecretWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  return (
    <SecretInput
      id={a11y.id}
      name={spec.path}
      value={asText(field.value)}
      onChange={(text) => field.onChange(text === '' ? undefined : text)}
      onBlur={field.onBlur}
      autoComplete="new-password"
      invalid={a11y.invalid}
      describedBy={a11y.describedBy}
      readOnly={a11y.readOnly}
      placeholder={spec.ui.placeholder}
    />
  );
}
