'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { useFormEnv } from '../form-env';
import { parseYamlText } from '../widgets/yaml-text';
import { ExtraKeyRow } from './extra-key-row';
import { YamlMappingEditor } from './yaml-mapping-editor';

const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Keys the schema does not know (newer Quay keys, typos, site-specific additions). They are kept
 * and written back untouched; here they can be edited one by one or all at once as YAML.
 */
export function OtherKeysField({ a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const env = useFormEnv();
  const [asYaml, setAsYaml] = useState(false);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const entries = Object.entries(env.extra);

  const add = async () => {
    const key = name.trim();
    if (!KEY_NAME.test(key)) return setProblem('A key is letters, digits and "_", e.g. MY_SETTING.');
    if (key in env.extra) return setProblem(`${key} is already set.`);
    const parsed = await parseYamlText(value);
    if (!parsed.ok) return setProblem(`The value is not valid YAML: ${parsed.error}`);
    env.setExtra({ ...env.extra, [key]: parsed.value ?? null });
    setName('');
    setValue('');
    setProblem(null);
  };

  return (
    <div className="stack" aria-describedby={a11y.describedBy}>
      <div className="row">
        <span className="muted grow">{entries.length ? `${entries.length} key${entries.length === 1 ? '' : 's'} not in Quay's schema` : 'No keys outside the schema.'}</span>
        <Button size="sm" variant="ghost" aria-pressed={asYaml} onClick={() => setAsYaml((v) => !v)}>
          {asYaml ? 'Edit key by key' : 'Edit as YAML'}
        </Button>
      </div>
      {asYaml ? (
        <YamlMappingEditor id={a11y.id} value={env.extra} readOnly={a11y.readOnly} onChange={env.setExtra} />
      ) : (
        <>
          {entries.map(([key, v]) => (
            <ExtraKeyRow
              key={key}
              name={key}
              value={v}
              readOnly={a11y.readOnly}
              onChange={(next) => env.setExtra({ ...env.extra, [key]: next })}
              onRemove={() => {
                const rest = { ...env.extra };
                delete rest[key];
                env.setExtra(rest);
              }}
            />
          ))}
          {!a11y.readOnly ? (
            <div className="add-row add-row--kv">
              <div className="field">
                <label className="field__label" htmlFor={a11y.id}>
                  New key
                </label>
                <input id={a11y.id} className="input mono" value={name} placeholder="MY_SETTING" onChange={(e) => setName(e.target.value)} />
              </div>
              <div className="field grow">
                <label className="field__label" htmlFor={`${a11y.id}-value`}>
                  Value (YAML)
                </label>
                <input id={`${a11y.id}-value`} className="input mono" value={value} placeholder="true" onChange={(e) => setValue(e.target.value)} />
              </div>
              <Button onClick={add} disabled={name.trim() === ''}>
                <PlusIcon size={14} /> Add key
              </Button>
            </div>
          ) : null}
          {problem ? (
            <p className="field__problem" role="alert">
              {problem}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
