'use client';

import { useEffect, useState } from 'react';
import { isObject } from '@/lib/config/values';
import { loadYaml, parseYamlText, toYamlText } from '../widgets/yaml-text';

/** A whole mapping as one YAML text; applied when it parses to a mapping. */
export function YamlMappingEditor({ id, value, readOnly, onChange }: { id: string; value: Readonly<Record<string, unknown>>; readOnly: boolean; onChange(next: Record<string, unknown>): void }) {
  const [text, setText] = useState(() => toYamlText(value, null));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadYaml().then((yaml) => setText(Object.keys(value).length ? toYamlText(value, yaml) : ''));
    // Only on open: later edits come from this text.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `value` is read once, at mount; re-reading it would overwrite the text being typed
  }, []);
  return (
    <>
      <textarea
        id={id}
        className="textarea"
        rows={Math.min(20, Math.max(6, text.split('\n').length + 1))}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        aria-label="Keys outside the schema, as YAML"
        aria-invalid={error !== null || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={async () => {
          const parsed = await parseYamlText(text);
          if (!parsed.ok) return setError(parsed.error);
          if (parsed.value !== undefined && !isObject(parsed.value)) return setError('the text must be a mapping of keys to values');
          setError(null);
          onChange(parsed.value ?? {});
        }}
      />
      {error ? (
        <p className="field__problem" role="alert">
          Not applied: {error}
        </p>
      ) : null}
    </>
  );
}
