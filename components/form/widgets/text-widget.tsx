'use client';

import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { schemaExample } from '../schema-node';
import { asText, useConfigField } from './use-field';

/** A one-line (or multi-line) string; emptying it removes the key rather than writing "". */
export function TextWidget({ spec, a11y, multiline }: { spec: FieldSpec; a11y: FieldA11y; multiline?: boolean }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const placeholder = spec.ui.placeholder ?? placeholderFor(spec);
  const common = {
    id: a11y.id,
    name: spec.path,
    value: asText(field.value),
    onBlur: field.onBlur,
    readOnly: a11y.readOnly,
    placeholder,
    'aria-invalid': a11y.invalid || undefined,
    'aria-describedby': a11y.describedBy,
    'aria-required': spec.required || undefined,
    spellCheck: false,
    autoComplete: 'off',
  };
  const onChange = (text: string) => field.onChange(text === '' ? undefined : text);
  return multiline ? (
    <textarea {...common} ref={field.ref} className="textarea" rows={4} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input {...common} ref={field.ref} className="input" type="text" onChange={(e) => onChange(e.target.value)} />
  );
}

function placeholderFor(spec: FieldSpec): string | undefined {
  if (spec.ui.defaultValue !== undefined && spec.ui.defaultValue !== null && typeof spec.ui.defaultValue !== 'object') {
    return `Default: ${String(spec.ui.defaultValue)}`;
  }
  const example = schemaExample(spec.schema);
  return example ? `e.g. ${example}` : undefined;
}
