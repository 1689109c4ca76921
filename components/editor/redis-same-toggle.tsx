'use client';

import { useFormEnv } from '@/components/form/form-env';
import { useEditorActions } from './editor-actions';
import { REDIS_MIRROR } from './same-redis';

/**
 * Most registries use one Redis for build logs and user events (the old editors had a single
 * Redis form copied into both keys). While this is on, the USER_EVENTS_REDIS fields show the
 * BUILDLOGS_REDIS values read-only, and the config written carries a copy of them.
 */
export function RedisSameToggle({ readOnly }: { readOnly: boolean }) {
  const env = useFormEnv();
  const { setRedisSame } = useEditorActions();
  const same = env.mirrorOf(REDIS_MIRROR.key) === REDIS_MIRROR.source;
  return (
    <div className="card helper helper--row">
      <label className="switch grow">
        <input type="checkbox" role="switch" checked={same} disabled={readOnly} onChange={(e) => setRedisSame(e.target.checked)} data-testid="redis-same" />
        <span>
          Use the same Redis for user events
          <span className="switch__text"> — USER_EVENTS_REDIS copies BUILDLOGS_REDIS</span>
        </span>
      </label>
    </div>
  );
}
