'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ChevronDownIcon, ChevronUpIcon, TrashIcon } from '@/components/ui/icons';
import { FieldIssues } from '../field-issues';
import { inputIdFor, type FieldSpec } from '../field-spec';
import { useFormEnv, type NestedUi } from '../form-env';
import { SchemaField } from '../schema-field';
import { schemaProperties, schemaRequired, schemaString, titleFromKey } from '../schema-node';
import { locationIdProblem, type StorageLocation } from './storage-model';

/** A location, its position, and the callbacks that rewrite the storage keys. */
export interface StorageLocationCardProps {
  location: StorageLocation;
  index: number;
  count: number;
  otherIds: string[];
  replication: boolean;
  readOnly: boolean;
  onChange(next: StorageLocation): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** One storage location: ID, engine, order, default flag and the engine's own parameters. */
export function StorageLocationCard({ location, index, count, otherIds, replication, readOnly, onChange, onMove, onRemove }: StorageLocationCardProps) {
  const env = useFormEnv();
  const [idText, setIdText] = useState(location.id);
  useEffect(() => setIdText(location.id), [location.id]);
  const idProblem = locationIdProblem(idText, otherIds);
  const base = `DISTRIBUTED_STORAGE_CONFIG.${location.id}`;
  const idInput = inputIdFor(`${base}.id`);
  const [more, setMore] = useState(false);
  const engine = env.storageEngines[location.engine];
  const required = new Set(engine ? schemaRequired(engine.schema) : []);
  const params = engine
    ? Object.entries(schemaProperties(engine.schema))
        .map(([name, schema]) => paramSpec(location.id, name, schema, required.has(name), engine.fields[name]))
        .sort((a, b) => (engine.fields[a.path.split('.').pop() ?? '']?.order ?? 999) - (engine.fields[b.path.split('.').pop() ?? '']?.order ?? 999))
    : [];
  const shown = params.filter((p) => more || !p.ui.advanced || p.required || location.params[p.path.split('.').pop() ?? ''] !== undefined || env.issuesUnder(p.path).length > 0);
  const engines = Object.keys(env.storageEngines);

  const commitId = () => {
    if (idText !== location.id && !idProblem) onChange({ ...location, id: idText });
  };
  const changeEngine = (engine: string) => {
    // Keep the parameters the new engine also has (bucket, path, …); drop the others, as Quay would reject them.
    const target = env.storageEngines[engine];
    const allowed = target ? Object.keys(schemaProperties(target.schema)) : [];
    const kept = Object.fromEntries(Object.entries(location.params).filter(([k]) => allowed.includes(k)));
    onChange({ ...location, engine, params: kept, malformed: undefined });
  };

  return (
    <section className="location card" aria-label={`Storage location ${location.id}`} data-path={base} data-testid={`storage-${location.id}`}>
      <div className="location__head">
        <div className="field location__id">
          <label className="field__label" htmlFor={idInput}>
            Location ID
          </label>
          <input
            id={idInput}
            className="input mono"
            value={idText}
            readOnly={readOnly}
            aria-invalid={idProblem !== null || undefined}
            aria-describedby={idProblem ? `${idInput}-problem` : undefined}
            onChange={(e) => setIdText(e.target.value.trim())}
            onBlur={commitId}
            onKeyDown={(e) => e.key === 'Enter' && commitId()}
          />
        </div>
        <div className="field location__engine">
          <label className="field__label" htmlFor={`${idInput}-engine`}>
            Storage engine
          </label>
          <select id={`${idInput}-engine`} className="select" value={location.engine} disabled={readOnly} onChange={(e) => changeEngine(e.target.value)}>
            {!location.engine || !engines.includes(location.engine) ? <option value={location.engine}>{location.engine || '— Choose —'}</option> : null}
            {engines.map((e) => (
              <option key={e} value={e}>
                {env.storageEngines[e]?.title ?? e}
              </option>
            ))}
          </select>
        </div>
        <div className="location__tools">
          {index === 0 ? <Badge tone="info">Preferred</Badge> : <Badge>#{index + 1}</Badge>}
          <Button size="sm" iconOnly variant="ghost" aria-label={`Move ${location.id} up`} disabled={readOnly || index === 0} onClick={() => onMove(-1)}>
            <ChevronUpIcon size={15} />
          </Button>
          <Button size="sm" iconOnly variant="ghost" aria-label={`Move ${location.id} down`} disabled={readOnly || index === count - 1} onClick={() => onMove(1)}>
            <ChevronDownIcon size={15} />
          </Button>
          <Button size="sm" iconOnly variant="ghost" aria-label={`Remove location ${location.id}`} disabled={readOnly} onClick={onRemove}>
            <TrashIcon size={15} />
          </Button>
        </div>
      </div>
      {idProblem ? (
        <p id={`${idInput}-problem`} className="field__problem" role="alert">
          {idProblem}
        </p>
      ) : null}
      {replication ? (
        <label className="checkbox">
          <input type="checkbox" checked={location.isDefault} disabled={readOnly} onChange={(e) => onChange({ ...location, isDefault: e.target.checked })} />
          Replicate every image to this location by default (DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS)
        </label>
      ) : null}
      {replication && location.engine === 'LocalStorage' ? <Alert tone="warning">Replication to a locally mounted directory is unsupported: it is only reachable from one machine.</Alert> : null}
      <FieldIssues issues={env.issuesAt(base)} />
      {location.malformed !== undefined ? (
        <Alert tone="error" title="Not an [engine, parameters] pair">
          <code>{JSON.stringify(location.malformed)}</code> is kept as is. Choose an engine above to replace it.
        </Alert>
      ) : (
        <>
          <div className="subfields__grid">
            {shown.map((p) => (
              <SchemaField key={p.path} spec={p} />
            ))}
          </div>
          {shown.length < params.length || more ? (
            <div>
              <button type="button" className="btn btn--ghost btn--sm" aria-expanded={more} onClick={() => setMore((m) => !m)}>
                {more ? 'Fewer settings' : `More settings (${params.length - shown.length})`}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function paramSpec(id: string, name: string, schema: Record<string, unknown>, required: boolean, ui: NestedUi | undefined): FieldSpec {
  return {
    path: `DISTRIBUTED_STORAGE_CONFIG.${id}[1].${name}`,
    name: `DISTRIBUTED_STORAGE_CONFIG.${id}.1.${name}`,
    key: 'DISTRIBUTED_STORAGE_CONFIG',
    schema,
    required,
    ui: {
      title: ui?.title ?? titleFromKey(name),
      help: ui?.help ?? schemaString(schema, 'description'),
      widget: ui?.widget,
      secret: ui?.secret,
      placeholder: ui?.placeholder,
      defaultValue: ui?.default,
      advanced: ui?.advanced,
    },
  };
}
