'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LockIcon, RefreshIcon } from '@/components/ui/icons';
import { SecretInput } from '@/components/ui/secret-input';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { useFormEnv } from '../form-env';
import { asText, useConfigField } from './use-field';

/**
 * SECRET_KEY / DATABASE_SECRET_KEY. For a bundle that was uploaded these are pinned: Quay encrypts
 * data with them, so they can only be changed after an explicit confirmation (the old editors
 * regenerated them in setup mode without asking).
 */
export function SecretKeyWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const env = useFormEnv();
  const pinned = env.pinnedKeys.has(spec.key);
  const [unlocked, setUnlocked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const locked = a11y.readOnly || (pinned && !unlocked);
  const value = asText(field.value);
  return (
    <div className="stack stack--tight">
      <div className="row row--nowrap">
        <div className="grow">
          <SecretInput
            id={a11y.id}
            name={spec.path}
            value={value}
            readOnly={locked}
            invalid={a11y.invalid}
            describedBy={a11y.describedBy}
            onChange={(v) => field.onChange(v === '' ? undefined : v)}
            onBlur={field.onBlur}
          />
        </div>
        {locked && pinned && !a11y.readOnly ? (
          <Button size="sm" onClick={() => setConfirming(true)} aria-expanded={confirming}>
            <LockIcon size={14} /> Change…
          </Button>
        ) : null}
        {!locked ? (
          <Button size="sm" onClick={async () => field.onChange(await env.generateSecret())}>
            <RefreshIcon size={14} /> Generate
          </Button>
        ) : null}
      </div>
      {pinned && !unlocked ? <p className="muted">Kept from the uploaded bundle.</p> : null}
      {confirming ? (
        <Alert
          tone="warning"
          role="alert"
          title={`Change ${spec.key}?`}
          actions={
            <>
              <Button
                size="sm"
                variant="danger"
                onClick={() => {
                  setUnlocked(true);
                  setConfirming(false);
                }}
              >
                I understand, unlock it
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Keep the current key
              </Button>
            </>
          }
        >
          Quay encrypts data with this key. If this registry has already run, a new key makes that data unreadable (robot tokens, application tokens, external credentials). Change it only for a
          registry that has never started.
        </Alert>
      ) : null}
    </div>
  );
}
