'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import type { ConfigObject } from '@/components/editor/editor-types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { StorageLocationCard } from './storage-location-card';
import { MAX_LOCATIONS, freshLocationId, readLocations, writeLocations, type StorageLocation } from './storage-model';

/**
 * The storage locations composite: DISTRIBUTED_STORAGE_CONFIG, _PREFERENCE (the card order) and
 * _DEFAULT_LOCATIONS (with replication), plus FEATURE_STORAGE_REPLICATION.
 */
export function StorageField({ a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { control, setValue } = useFormContext<ConfigObject>();
  const [config, preference, defaults, replicationValue] = useWatch({
    control,
    name: ['DISTRIBUTED_STORAGE_CONFIG', 'DISTRIBUTED_STORAGE_PREFERENCE', 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS', 'FEATURE_STORAGE_REPLICATION'],
  });
  const replication = replicationValue === true;
  const locations = readLocations(config, preference, defaults);
  const opts = { shouldDirty: true } as const;

  const write = (next: StorageLocation[]) => {
    const w = writeLocations(next);
    setValue('DISTRIBUTED_STORAGE_CONFIG', w.config, opts);
    setValue('DISTRIBUTED_STORAGE_PREFERENCE', w.preference, opts);
    const hadDefaults = Array.isArray(defaults);
    setValue('DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS', w.defaults.length || hadDefaults ? w.defaults : undefined, opts);
  };
  const move = (i: number, delta: -1 | 1) => {
    const next = [...locations];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + delta, 0, item);
    write(next);
  };
  const add = () => {
    const id = freshLocationId(locations);
    write([...locations, { id, engine: 'S3Storage', params: { storage_path: '/datastorage/registry' }, malformed: undefined, isDefault: false }]);
  };

  return (
    <div className="storage" id={a11y.id} tabIndex={-1} aria-describedby={a11y.describedBy}>
      <label className="switch">
        <input type="checkbox" role="switch" checked={replication} disabled={a11y.readOnly} onChange={(e) => setValue('FEATURE_STORAGE_REPLICATION', e.target.checked, opts)} />
        <span>
          Storage replication <code>FEATURE_STORAGE_REPLICATION</code>
          <span className="switch__text"> — copy images to several locations</span>
        </span>
      </label>
      {!replication && locations.length > 1 ? <Alert tone="info">Without replication Quay stores images only in the preferred (first) location.</Alert> : null}
      {locations.length === 0 ? <Alert tone="warning">No storage location yet: Quay needs at least one.</Alert> : null}
      {locations.map((loc, i) => (
        <StorageLocationCard
          key={`${i}-${loc.id}`}
          location={loc}
          index={i}
          count={locations.length}
          otherIds={locations.filter((_, j) => j !== i).map((l) => l.id)}
          replication={replication}
          readOnly={a11y.readOnly}
          onChange={(next) => write(locations.map((l, j) => (j === i ? next : l)))}
          onMove={(d) => move(i, d)}
          onRemove={() => write(locations.filter((_, j) => j !== i))}
        />
      ))}
      {!a11y.readOnly ? (
        <div>
          <Button onClick={add} disabled={locations.length >= MAX_LOCATIONS}>
            <PlusIcon size={14} /> Add storage location
          </Button>
        </div>
      ) : null}
      <p className="muted">
        The card order is <code>DISTRIBUTED_STORAGE_PREFERENCE</code>: Quay writes new images to the first location.
      </p>
    </div>
  );
}
