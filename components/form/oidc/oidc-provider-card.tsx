'use client';

import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { TrashIcon } from '@/components/ui/icons';
import { FieldIssues } from '../field-issues';
import { inputIdFor } from '../field-spec';
import { useFormEnv } from '../form-env';
import type { SchemaNode } from '../schema-node';
import { ObjectWidget } from '../widgets/object-widget';

/** One OIDC provider: its fields and the three callback URLs to register with the provider. */
export function OidcProviderCard({ id, schema, baseUrl, readOnly, onRemove }: { id: string; schema: SchemaNode; baseUrl: string; readOnly: boolean; onRemove(): void }) {
  const key = `${id}_LOGIN_CONFIG`;
  const env = useFormEnv();
  const inputId = inputIdFor(key);
  // Quay's service id is the key prefix in lower case (oauth/oidc.py), which is what its routes use.
  const service = id.toLowerCase();
  const callbacks = ['callback', 'callback/attach', 'callback/cli'].map((p) => `${baseUrl}/oauth2/${service}/${p}`);
  return (
    <section className="card provider" aria-label={`OIDC provider ${id}`} data-testid={`oidc-${id}`} data-path={key}>
      <div className="card__header">
        <h3 className="grow" id={`${inputId}-label`}>
          <code>{key}</code>
        </h3>
        {!readOnly ? (
          <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove provider ${id}`}>
            <TrashIcon size={14} /> Remove
          </Button>
        ) : null}
      </div>
      <div className="card__body stack">
        <div className="callbacks">
          <div className="callbacks__title">Redirect (callback) URLs to register with the provider</div>
          <ul>
            {callbacks.map((url) => (
              <li key={url} className="row row--nowrap">
                <code className="grow callbacks__url">{url}</code>
                <CopyButton text={url} />
              </li>
            ))}
          </ul>
        </div>
        <FieldIssues issues={env.issuesAt(key)} />
        <ObjectWidget spec={{ path: key, key, schema, required: true, ui: { title: `${id} settings` } }} a11y={{ id: inputId, describedBy: undefined, invalid: false, readOnly }} />
      </div>
    </section>
  );
}
