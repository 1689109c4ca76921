'use client';

import { useEffect, useState } from 'react';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { schemaExample, schemaNumber } from '../schema-node';
import { asText, useConfigField } from './use-field';

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * A number. The text is kept as typed: a valid number is stored as a number, anything else is
 * stored as the text, so the schema check reports the wrong type as you type instead of the input
 * silently dropping it.
 */
export function NumberWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const [text, setText] = useState(asText(field.value));
  useEffect(() => {
    // Follow outside changes (reset, restore) without fighting the user's own typing.
    const fromValue = asText(field.value);
    setText((current) => (toValue(current) === field.value ? current : fromValue));
  }, [field.value]);
  const defaultText = spec.ui.defaultValue !== undefined ? `Default: ${String(spec.ui.defaultValue)}` : undefined;
  const example = schemaExample(spec.schema);
  return (
    <input
      id={a11y.id}
      name={spec.path}
      ref={field.ref}
      className="input input--number"
      type="text"
      inputMode="numeric"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        field.onChange(toValue(e.target.value));
      }}
      onBlur={field.onBlur}
      readOnly={a11y.readOnly}
      placeholder={spec.ui.placeholder ?? defaultText ?? (example ? `e.g. ${example}` : undefined)}
      aria-invalid={a11y.invalid || undefined}
      aria-describedby={a11y.describedBy}
      aria-required={spec.required || undefined}
      min={schemaNumber(spec.schema, 'minimum')}
      max={schemaNumber(spec.schema, 'maximum')}
      autoComplete="off"
    />
  );
}

function toValue(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  return NUMERIC.test(t) ? Number(t) : text;
}
