'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TrashIcon } from '@/components/ui/icons';
import { FieldIssues } from '../field-issues';
import { inputIdFor } from '../field-spec';
import { useFormEnv } from '../form-env';
import { loadYaml, parseYamlText, toYamlText } from '../widgets/yaml-text';

/** One key outside the schema: its value as YAML, parsed when the input loses focus. */
export function ExtraKeyRow({ name, value, readOnly, onChange, onRemove }: { name: string; value: unknown; readOnly: boolean; onChange(next: unknown): void; onRemove(): void }) {
  const env = useFormEnv();
  const [text, setText] = useState(() => toYamlText(value, null));
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    let live = true;
    void loadYaml().then((yaml) => live && !editing.current && setText(toYamlText(value, yaml)));
    return () => {
      live = false;
    };
  }, [value]);
  const id = inputIdFor(name);
  const issues = env.issuesAt(name);
  const multiline = text.includes('\n');
  const common = {
    id,
    className: multiline ? 'textarea' : 'input mono',
    value: text,
    readOnly,
    spellCheck: false,
    'aria-invalid': error !== null || issues.some((f) => f.severity === 'error') || undefined,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onFocus: () => {
      editing.current = true;
    },
    onBlur: async () => {
      editing.current = false;
      const parsed = await parseYamlText(text);
      if (parsed.ok) {
        setError(null);
        onChange(parsed.value ?? null);
      } else setError(parsed.error);
    },
  };
  return (
    <div className="field extra-key" data-path={name}>
      <div className="field__head">
        <label className="field__label mono" htmlFor={id}>
          {name}
        </label>
        <span className="spacer" />
        {!readOnly ? (
          <Button size="sm" variant="ghost" iconOnly aria-label={`Remove ${name}`} onClick={onRemove}>
            <TrashIcon size={14} />
          </Button>
        ) : null}
      </div>
      {multiline ? <textarea {...common} rows={Math.min(10, text.split('\n').length + 1)} /> : <input {...common} />}
      {error ? (
        <p className="field__problem" role="alert">
          Not valid YAML: {error}
        </p>
      ) : null}
      <FieldIssues issues={issues} />
    </div>
  );
}
