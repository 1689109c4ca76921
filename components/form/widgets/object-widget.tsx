'use client';

import { useState, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ConfigObject } from '@/components/editor/editor-types';
import { Button } from '@/components/ui/button';
import { ChevronDownIcon, ChevronRightIcon, PlusIcon, TrashIcon } from '@/components/ui/icons';
import type { FieldA11y } from '../field-row';
import { childSpec, type FieldSpec } from '../field-spec';
import { useFormEnv } from '../form-env';
import { SchemaField } from '../schema-field';
import { schemaProperties, schemaRequired } from '../schema-node';
import { shows } from '../show-if';
import { useConfigField } from './use-field';

/** Properties shown before "More settings": enough for the common case (host, port, password, …). */
const FIRST = 6;

/**
 * A mapping with known properties (e.g. BUILDLOGS_REDIS) as nested fields. Properties that are
 * required, already set or among the first few are shown; the rest sit behind "More settings".
 * An optional mapping that is absent shows "Configure" instead of a wall of empty inputs.
 * Composites built on it add a `lead` control before the properties, `hide` properties that
 * control sets (shown again when a finding names them) and give the `initial` value of "Configure".
 */
export function ObjectWidget({
  spec,
  a11y,
  lead,
  hide = [],
  initial = {},
}: {
  spec: FieldSpec;
  a11y: FieldA11y;
  lead?: ReactNode;
  hide?: readonly string[];
  initial?: Readonly<Record<string, unknown>>;
}) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const { getValues } = useFormContext<ConfigObject>();
  const env = useFormEnv();
  const [more, setMore] = useState(false);
  const props = Object.entries(schemaProperties(spec.schema));
  const required = new Set(schemaRequired(spec.schema));
  const value = field.value;
  const current = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

  if (!current) {
    return (
      <div className="object-empty">
        <span className="muted">{value === null ? 'Set to null (off).' : 'Not configured.'}</span>
        {!a11y.readOnly ? (
          <Button size="sm" id={a11y.id} onClick={() => field.onChange({ ...initial })}>
            <PlusIcon size={14} /> Configure
          </Button>
        ) : null}
      </div>
    );
  }

  // Nested `showIf` (e.g. the Elasticsearch settings only for the elasticsearch producer) reads
  // values inside this object, so this widget re-renders whenever they change.
  const values = getValues();
  const children = props.flatMap(([name, schema], i) => {
    const meta = env.uiFor(`${spec.path}.${name}`);
    if (!shows(meta?.showIf, values)) return [];
    if (hide.includes(name) && env.issuesUnder(`${spec.path}.${name}`).length === 0) return [];
    const ui = meta ? { title: meta.title, help: meta.help, widget: meta.widget, secret: meta.secret, placeholder: meta.placeholder, defaultValue: meta.default, advanced: meta.advanced } : undefined;
    const child = childSpec(spec, name, schema, required.has(name), ui);
    const primary = required.has(name) || current[name] !== undefined || env.issuesUnder(child.path).length > 0 || (meta ? !meta.advanced : i < FIRST);
    return [{ child, primary }];
  });
  const hidden = children.filter((c) => !c.primary);
  const unknown = Object.keys(current).filter((k) => !props.some(([name]) => name === k));

  return (
    <fieldset className="subfields" aria-labelledby={`${a11y.id}-label`} aria-describedby={a11y.describedBy}>
      <div className="subfields__grid">
        {lead}
        {children
          .filter((c) => c.primary || more)
          .map((c) => (
            <SchemaField key={c.child.path} spec={c.child} />
          ))}
      </div>
      {unknown.length ? (
        <p className="muted subfields__note">
          Also set (kept as is):{' '}
          {unknown.map((k) => (
            <code key={k}>{k}</code>
          ))}
        </p>
      ) : null}
      <div className="row">
        {hidden.length ? (
          <button type="button" className="btn btn--ghost btn--sm" aria-expanded={more} onClick={() => setMore((m) => !m)}>
            {more ? <ChevronDownIcon size={14} /> : <ChevronRightIcon size={14} />}
            {more ? 'Fewer settings' : `More settings (${hidden.length})`}
          </button>
        ) : null}
        <span className="spacer" />
        {!spec.required && !a11y.readOnly ? (
          <Button size="sm" variant="ghost" onClick={() => field.onChange(undefined)}>
            <TrashIcon size={14} /> Remove {spec.path}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
