'use client';

import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { TrashIcon } from '@/components/ui/icons';
import { SchemaField } from '../schema-field';
import type { SchemaNode } from '../schema-node';

/** One OIDC provider: its fields and the three callback URLs to register with the provider. */
export function OidcProviderCard({ id, schema, baseUrl, readOnly, onRemove }: {
  id: string;
  schema: SchemaNode;
  baseUrl: string;
  readOnly: boolean;
  onRemove(): void;
}) {
  const key = `${id}_LOGIN_CONFIG`;
  // Quay's service id is the key prefix in lower case (oauth/oidc.py), which is what its routes use.
  const service = id.toLowerCase();
  const callbacks = ['callback', 'callback/attach', 'callback/cli'].map((p) => `${baseUrl}/oauth2/${service}/${p}`);
  return (
    <section className="card provider" aria-label={`OIDC provider ${id}`} data-testid={`oidc-${id}`}>
      <div className="card__header">
        <h3 className="grow">
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
        <SchemaField spec={{ path: key, key, schema, required: true, ui: { title: `${id} settings` } }} />
      </div>
    </section>
  );
}
