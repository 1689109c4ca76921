'use client';

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ConfigObject } from '@/components/editor/editor-types';
import { isObject } from '@/lib/config/values';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { ENDPOINT_KINDS, endpointKindOf, withEndpointKind, type EndpointKind } from '../endpoint-kinds';
import { ObjectWidget } from './object-widget';
import { useConfigField } from './use-field';

/**
 * An OAuth block (GitHub login, GitHub and GitLab triggers) with the old editor's "GitHub.com /
 * GitHub Enterprise" select in front of its fields. The hosted choice writes the service's
 * endpoints and hides them; the self-hosted choice shows the endpoint field to fill in.
 */
export function EndpointKindWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const name = spec.name ?? spec.path;
  const { field } = useConfigField(name);
  const { control, getValues } = useFormContext<ConfigObject>();
  // Watched (not the controller's value): edits of the nested fields show up here too.
  const value: unknown = useWatch({ control, name });
  // GitLab's endpoint may be absent (then it is gitlab.com): a self-managed choice is remembered while shown.
  const [selfHosted, setSelfHosted] = useState(false);
  const kinds = ENDPOINT_KINDS[spec.key];
  const block = isObject(value) ? value : null;
  if (!kinds) return <ObjectWidget spec={spec} a11y={a11y} />;

  const kind: EndpointKind = selfHosted ? 'self-hosted' : block ? endpointKindOf(block, kinds) : 'hosted';
  const hosted = Object.entries(kinds.hosted.values);
  const id = `${a11y.id}-kind`;
  const choose = (next: EndpointKind) => {
    setSelfHosted(next === 'self-hosted');
    const current: unknown = getValues(name);
    if (isObject(current)) field.onChange(withEndpointKind(current, kinds, next));
  };
  const lead = block ? (
    <div className="field" data-testid={`endpoint-kind-${spec.path}`}>
      <div className="field__head">
        <label className="field__label" htmlFor={id}>
          {kinds.service}
        </label>
      </div>
      <div className="field__control">
        <select id={id} className="select" value={kind} disabled={a11y.readOnly} onChange={(e) => choose(e.target.value === 'hosted' ? 'hosted' : 'self-hosted')}>
          <option value="hosted">{kinds.hosted.label}</option>
          <option value="self-hosted">{kinds.selfHosted.label}</option>
        </select>
      </div>
      <p className="field__help">
        {kind === 'hosted' ? (
          <>
            Uses{' '}
            {hosted.map(([k, v], i) => (
              <span key={k}>
                {i ? ' and ' : ''}
                <code>{v}</code>
              </span>
            ))}
            .
          </>
        ) : (
          <>Enter the address of your {kinds.selfHosted.label.replace(/ \(.*\)$/, '')} server.</>
        )}
      </p>
    </div>
  ) : null;
  return <ObjectWidget spec={spec} a11y={a11y} lead={lead} hide={kind === 'hosted' ? hosted.map(([k]) => k) : []} initial={kinds.hosted.values} />;
}
