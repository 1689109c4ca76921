'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ConfigObject } from './editor-types';

/**
 * Most registries use one Redis for build logs and user events (the old editors had a single
 * Redis form copied into both keys). While this is on, USER_EVENTS_REDIS follows BUILDLOGS_REDIS.
 */
export function RedisSameToggle({ readOnly }: { readOnly: boolean }) {
  const { control, setValue } = useFormContext<ConfigObject>();
  const [buildLogs, userEvents] = useWatch({ control, name: ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS'] });
  const [same, setSame] = useState(() => JSON.stringify(buildLogs) === JSON.stringify(userEvents));
  const synced = useRef(JSON.stringify(buildLogs));
  useEffect(() => {
    if (!same) return;
    const b = JSON.stringify(buildLogs);
    if (b !== synced.current) {
      // Build logs changed: user events follow.
      synced.current = b;
      if (JSON.stringify(userEvents) !== b) setValue('USER_EVENTS_REDIS', structuredClone(buildLogs), { shouldDirty: true });
    } else if (JSON.stringify(userEvents) !== b) {
      // The user edited user events themselves: they are no longer the same.
      setSame(false);
    }
  }, [same, buildLogs, userEvents, setValue]);
  const toggle = (on: boolean) => {
    setSame(on);
    if (on) {
      synced.current = JSON.stringify(buildLogs);
      setValue('USER_EVENTS_REDIS', structuredClone(buildLogs), { shouldDirty: true });
    }
  };
  return (
    <div className="card helper helper--row">
      <label className="switch grow">
        <input type="checkbox" role="switch" checked={same} disabled={readOnly} onChange={(e) => toggle(e.target.checked)} data-testid="redis-same" />
        <span>
          Use the same Redis for user events
          <span className="switch__text"> — USER_EVENTS_REDIS copies BUILDLOGS_REDIS</span>
        </span>
      </label>
    </div>
  );
}
