'use client';

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ConfigObject } from '@/components/editor/editor-types';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { OidcProviderCard } from './oidc-provider-card';

const SUFFIX = '_LOGIN_CONFIG';
/** Quay's rule for provider IDs (the old editor's `^[A-Z0-9]+$`), GITHUB and GOOGLE being built in. */
const ID = /^[A-Z0-9]+$/;
const RESERVED = new Set(['GITHUB', 'GOOGLE']);

/** Why a new provider ID cannot be used, or null. */
export function providerIdProblem(id: string, existing: readonly string[]): string | null {
  if (id === '') return 'Enter an ID, e.g. KEYCLOAK.';
  if (!ID.test(id)) return 'Use only capital letters and digits (A–Z, 0–9).';
  if (RESERVED.has(id)) return `${id} is built in: configure it under External login.`;
  if (existing.includes(id)) return `A provider ${id} already exists.`;
  return null;
}

/**
 * The OpenID Connect providers: every `<ID>_LOGIN_CONFIG` key except GitHub and Google, one card
 * each with its callback URLs, plus "Add provider".
 */
export function OidcProvidersField({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { control, setValue, unregister } = useFormContext<ConfigObject>();
  const values = useWatch({ control });
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = Object.keys(values)
    .filter((k) => k.endsWith(SUFFIX) && values[k] !== undefined)
    .map((k) => k.slice(0, -SUFFIX.length))
    .filter((id) => ID.test(id) && !RESERVED.has(id));
  const scheme = values.PREFERRED_URL_SCHEME === 'http' ? 'http' : 'https';
  const host = typeof values.SERVER_HOSTNAME === 'string' && values.SERVER_HOSTNAME ? values.SERVER_HOSTNAME : '<SERVER_HOSTNAME>';

  const add = () => {
    const id = draft.trim().toUpperCase();
    const p = providerIdProblem(id, ids);
    setProblem(p);
    if (p) return;
    setValue(`${id}${SUFFIX}`, { SERVICE_NAME: id.charAt(0) + id.slice(1).toLowerCase() }, { shouldDirty: true });
    setDraft('');
  };

  return (
    <div className="stack" aria-describedby={a11y.describedBy}>
      {ids.length === 0 ? <p className="muted">No OpenID Connect provider configured.</p> : null}
      {ids.map((id) => (
        <OidcProviderCard key={id} id={id} schema={spec.schema} baseUrl={`${scheme}://${host}`} readOnly={a11y.readOnly} onRemove={() => unregister(`${id}${SUFFIX}`)} />
      ))}
      {!a11y.readOnly ? (
        <div className="add-row">
          <div className="field">
            <label className="field__label" htmlFor={a11y.id}>
              New provider ID
            </label>
            <div className="input-group">
              <input
                id={a11y.id}
                className="input mono"
                value={draft}
                placeholder="e.g. KEYCLOAK"
                aria-invalid={problem !== null || undefined}
                aria-describedby={problem ? `${a11y.id}-problem` : `${a11y.id}-hint`}
                onChange={(e) => {
                  setDraft(e.target.value);
                  setProblem(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
              />
              <Button onClick={add}>
                <PlusIcon size={14} /> Add provider
              </Button>
            </div>
            {problem ? (
              <p id={`${a11y.id}-problem`} className="field__problem" role="alert">
                {problem}
              </p>
            ) : (
              <p id={`${a11y.id}-hint`} className="field__help">
                Creates the key &lt;ID&gt;_LOGIN_CONFIG. Capital letters and digits only.
              </p>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
