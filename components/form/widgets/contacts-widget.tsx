'use client';

import { PlusIcon, TrashIcon } from '@/components/ui/icons';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { asText, useConfigField } from './use-field';

const KINDS = [
  { id: 'mailto', label: 'E-mail', prefix: 'mailto:', placeholder: 'admin@example.com' },
  { id: 'irc', label: 'IRC', prefix: 'irc://', placeholder: 'irc.libera.chat:6667/quay' },
  { id: 'tel', label: 'Phone', prefix: 'tel:', placeholder: '+1-888-930-3475' },
  { id: 'url', label: 'URL', prefix: '', placeholder: 'https://example.com/support' },
] as const;

type Kind = (typeof KINDS)[number];

function kindOf(entry: string): Kind {
  return KINDS.find((k) => k.prefix && entry.startsWith(k.prefix)) ?? (KINDS[3] as Kind);
}

/**
 * CONTACT_INFO: rows of kind (e-mail, IRC, phone, URL) and value, stored as Quay expects them
 * (`mailto:…`, `irc://…`, `tel:…`, `https://…`). Unlike the old editor, entries are never dropped.
 */
export function ContactsWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const entries = Array.isArray(field.value) ? field.value.map(asText) : [];
  const set = (next: string[]) => field.onChange(next.length ? next : undefined);
  return (
    <div className="stack stack--tight">
      {entries.map((entry, i) => {
        const kind = kindOf(entry);
        const rest = entry.slice(kind.prefix.length);
        return (
          <div className="contact-row" key={i}>
            <select
              className="select contact-row__kind"
              aria-label={`Contact ${i + 1} kind`}
              value={kind.id}
              disabled={a11y.readOnly}
              onChange={(e) => {
                const to = KINDS.find((k) => k.id === e.target.value) ?? kind;
                set(entries.map((x, j) => (j === i ? to.prefix + rest : x)));
              }}
            >
              {KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
            <input
              id={i === 0 ? a11y.id : undefined}
              className="input"
              aria-label={i === 0 ? undefined : `Contact ${i + 1}`}
              value={rest}
              placeholder={kind.placeholder}
              readOnly={a11y.readOnly}
              aria-describedby={a11y.describedBy}
              onChange={(e) => set(entries.map((x, j) => (j === i ? kind.prefix + e.target.value : x)))}
            />
            {!a11y.readOnly ? (
              <button type="button" className="btn btn--ghost btn--icon" aria-label={`Remove contact ${i + 1}`} onClick={() => set(entries.filter((_, j) => j !== i))}>
                <TrashIcon size={15} />
              </button>
            ) : null}
          </div>
        );
      })}
      {!a11y.readOnly ? (
        <div>
          <button type="button" className="btn btn--sm" id={entries.length === 0 ? a11y.id : undefined} onClick={() => set([...entries, 'mailto:'])}>
            <PlusIcon size={14} /> Add contact
          </button>
        </div>
      ) : null}
    </div>
  );
}
