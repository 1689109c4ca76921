'use client';

import { useEffect, useRef, useState } from 'react';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { useConfigField } from './use-field';
import { loadYaml, parseYamlText, toYamlText } from './yaml-text';

/**
 * A free-form value (a mapping or list without a fixed shape, e.g. DB_CONNECTION_ARGS) edited as
 * YAML or JSON text. The value changes only when the text parses; otherwise the parser's message
 * is shown and the last good value is kept.
 */
export function JsonWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const [text, setText] = useState(() => toYamlText(field.value, null));
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    let live = true;
    void loadYaml().then((yaml) => {
      if (live && !editing.current) setText(toYamlText(field.value, yaml));
    });
    return () => {
      live = false;
    };
  }, [field.value]);
  const errorId = `${a11y.id}-parse`;
  return (
    <>
      <textarea
        id={a11y.id}
        ref={field.ref}
        className="textarea"
        rows={Math.min(14, Math.max(3, text.split('\n').length + 1))}
        value={text}
        readOnly={a11y.readOnly}
        spellCheck={false}
        aria-invalid={a11y.invalid || error !== null || undefined}
        aria-describedby={[error ? errorId : undefined, a11y.describedBy].filter(Boolean).join(' ') || undefined}
        placeholder="YAML or JSON, e.g. key: value"
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(e) => setText(e.target.value)}
        onBlur={async () => {
          editing.current = false;
          const parsed = await parseYamlText(text);
          if (parsed.ok) {
            setError(null);
            field.onChange(parsed.value);
          } else {
            setError(parsed.error);
          }
          field.onBlur();
        }}
      />
      {error ? (
        <p id={errorId} className="field__problem" role="alert">
          Not valid YAML/JSON: {error}. The previous value is kept.
        </p>
      ) : null}
    </>
  );
}
