'use client';

import { useState } from 'react';
import { CloseIcon, PlusIcon } from '@/components/ui/icons';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { describePattern } from '@/lib/schema/pattern-words';
import { schemaItems, schemaString } from '../schema-node';
import { asText, useConfigField } from './use-field';

/**
 * A list of strings (super users, tag expiration options, …) as removable chips plus an input.
 * Enter or "Add" appends; a pasted "a, b c" adds each; items failing the schema's item pattern
 * are refused with the reason, so the list never silently holds a value Quay rejects.
 */
export function StringListWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const items = Array.isArray(field.value) ? field.value.map(asText) : [];
  const itemSchema = schemaItems(spec.schema);
  const pattern = itemSchema ? schemaString(itemSchema, 'pattern') : undefined;
  const regex = pattern ? safeRegex(pattern) : null;

  const add = () => {
    const parts = draft
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length === 0) return;
    const bad = regex ? parts.filter((p) => !regex.test(p)) : [];
    if (bad.length) {
      setProblem(`"${bad[0]}" is not allowed here: each entry must be ${describePattern(pattern ?? '', itemSchema?.['x-example'])}`);
      return;
    }
    const dupes = parts.filter((p) => items.includes(p));
    const next = [...items, ...parts.filter((p, i) => !items.includes(p) && parts.indexOf(p) === i)];
    field.onChange(next);
    setDraft('');
    setProblem(dupes.length ? `"${dupes[0]}" is already in the list` : null);
  };
  const problemId = `${a11y.id}-problem`;

  return (
    <div className="chips-field">
      {items.length ? (
        <ul className="chips" aria-label={`${spec.ui.title}: ${items.length} item${items.length === 1 ? '' : 's'}`}>
          {items.map((item, i) => (
            <li key={`${item}-${i}`} className="chip">
              <span className="chip__text">{item}</span>
              {!a11y.readOnly ? (
                <button type="button" className="chip__remove" aria-label={`Remove ${item}`} onClick={() => field.onChange(items.length === 1 ? [] : items.filter((_, j) => j !== i))}>
                  <CloseIcon size={12} />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted chips__empty">No entries yet.</p>
      )}
      {!a11y.readOnly ? (
        <div className="input-group">
          <input
            id={a11y.id}
            ref={field.ref}
            className="input"
            value={draft}
            placeholder={spec.ui.placeholder ?? 'Type a value and press Enter'}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            onBlur={field.onBlur}
            aria-invalid={a11y.invalid || problem !== null || undefined}
            aria-describedby={[problem ? problemId : undefined, a11y.describedBy].filter(Boolean).join(' ') || undefined}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="button" className="btn" onClick={add} disabled={draft.trim() === ''}>
            <PlusIcon size={14} /> Add
          </button>
        </div>
      ) : null}
      {problem ? (
        <p id={problemId} className="field__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function safeRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}
