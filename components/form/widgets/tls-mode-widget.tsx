'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import type { ConfigObject } from '@/components/editor/editor-types';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { useFormEnv } from '../form-env';

/** The three TLS set-ups Quay supports, as the old editor offered them. */
export type TlsMode = 'quay' | 'load-balancer' | 'none';

/** The TLS mode a config is in, from PREFERRED_URL_SCHEME and EXTERNAL_TLS_TERMINATION. */
export function tlsModeOf(scheme: unknown, external: unknown): TlsMode {
  if (scheme === 'http') return 'none';
  return external === true ? 'load-balancer' : 'quay';
}

const OPTIONS: { mode: TlsMode; label: string }[] = [
  { mode: 'quay', label: 'Quay handles TLS (HTTPS with ssl.cert and ssl.key)' },
  { mode: 'load-balancer', label: 'A load balancer or route in front of Quay terminates TLS' },
  { mode: 'none', label: 'None: plain HTTP (not for production)' },
];

/**
 * The TLS select of the old editor: one choice that writes PREFERRED_URL_SCHEME and
 * EXTERNAL_TLS_TERMINATION together. Unlike the old editor, switching away from "Quay handles
 * TLS" does not silently delete an uploaded certificate; it says what will happen to it.
 */
export function TlsModeWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { setValue, control } = useFormContext<ConfigObject>();
  const [scheme, external] = useWatch({ control, name: ['PREFERRED_URL_SCHEME', 'EXTERNAL_TLS_TERMINATION'] });
  const env = useFormEnv();
  const mode = tlsModeOf(scheme, external);
  const hasCert = Boolean(env.files['ssl.cert'] || env.files['ssl.key']);
  const choose = (next: TlsMode) => {
    const opts = { shouldDirty: true, shouldValidate: false } as const;
    setValue('PREFERRED_URL_SCHEME', next === 'none' ? 'http' : 'https', opts);
    setValue('EXTERNAL_TLS_TERMINATION', next === 'load-balancer', opts);
  };
  return (
    <div className="stack stack--tight">
      <select
        id={a11y.id}
        className="select"
        value={mode}
        disabled={a11y.readOnly}
        aria-describedby={a11y.describedBy}
        aria-invalid={a11y.invalid || undefined}
        onChange={(e) => choose(e.target.value as TlsMode)}
        data-path={spec.path}
      >
        {OPTIONS.map((o) => (
          <option key={o.mode} value={o.mode}>
            {o.label}
          </option>
        ))}
      </select>
      {mode === 'none' ? <Alert tone="warning">Passwords and tokens will cross the network unencrypted, and container clients must list this registry as insecure.</Alert> : null}
      {mode !== 'quay' && hasCert ? (
        <Alert tone="info">The bundle still holds ssl.cert / ssl.key. With this mode Quay does not use them for its own listener; remove them below if they are not needed.</Alert>
      ) : null}
    </div>
  );
}
