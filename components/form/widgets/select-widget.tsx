'use client';

import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { schemaEnum } from '../schema-node';
import { useConfigField } from './use-field';

/** Human labels for enum values that are not self-explanatory. */
const LABELS: Record<string, string> = {
  Database: 'Local database',
  LDAP: 'LDAP',
  JWT: 'JWT (external endpoint)',
  Keystone: 'OpenStack Keystone',
  OIDC: 'OpenID Connect',
  AppToken: 'External application tokens',
  database: 'Database',
  elasticsearch: 'Elasticsearch',
  transition_reads_both_writes_es: 'Transition: read both, write Elasticsearch',
  splunk: 'Splunk',
};

/**
 * One value out of the schema's enum. Values of any JSON type are matched by index, so numbers
 * stay numbers; a current value outside the enum is kept and shown as such.
 */
export function SelectWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const options = schemaEnum(spec.schema) ?? [];
  const index = options.findIndex((o) => o === field.value);
  const absent = field.value === undefined || field.value === null;
  const selected = index >= 0 ? String(index) : absent ? '' : 'current';
  return (
    <select
      id={a11y.id}
      name={spec.path}
      ref={field.ref}
      className="select"
      value={selected}
      disabled={a11y.readOnly}
      onChange={(e) => {
        const v = e.target.value;
        if (v === '') field.onChange(undefined);
        else if (v !== 'current') field.onChange(options[Number(v)]);
      }}
      onBlur={field.onBlur}
      aria-invalid={a11y.invalid || undefined}
      aria-describedby={a11y.describedBy}
      aria-required={spec.required || undefined}
    >
      {!spec.required || absent ? <option value="">{spec.ui.defaultValue !== undefined ? `Default (${String(spec.ui.defaultValue)})` : '— Not set —'}</option> : null}
      {selected === 'current' ? <option value="current">{`${JSON.stringify(field.value)} (not an allowed value)`}</option> : null}
      {options.map((o, i) => (
        <option key={i} value={String(i)}>
          {typeof o === 'string' ? (LABELS[o] ?? o) : JSON.stringify(o)}
        </option>
      ))}
    </select>
  );
}
