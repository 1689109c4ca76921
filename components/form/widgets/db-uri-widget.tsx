'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SecretInput } from '@/components/ui/secret-input';
import type { Finding } from '@/lib/report/types';
import { buildDbUri, maskDbUri, parseDbUri, type DbUriParts } from '../db-uri';
import type { FieldA11y } from '../field-row';
import { FieldIssues } from '../field-issues';
import type { FieldSpec } from '../field-spec';
import { useFormEnv } from '../form-env';
import { asText, useConfigField } from './use-field';

const ENGINES = [
  { scheme: 'postgresql', label: 'PostgreSQL', port: '5432' },
  { scheme: 'mysql+pymysql', label: 'MySQL / MariaDB (deprecated)', port: '3306' },
];

const EMPTY: DbUriParts = { scheme: 'postgresql', user: '', password: '', host: '', port: '', database: '', query: '' };

/**
 * DB_URI built from type, host, port, user, password and database (and parsed back from an
 * uploaded URI), or edited raw. The password is percent-encoded in the URI and masked on screen.
 */
export function DbUriWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const { field } = useConfigField(spec.name ?? spec.path);
  const uri = asText(field.value);
  const parsed = uri === '' ? EMPTY : parseDbUri(uri);
  const [raw, setRaw] = useState(parsed === null);
  const parts = parsed ?? EMPTY;
  const set = (patch: Partial<DbUriParts>) => {
    const next = { ...parts, ...patch };
    const empty = !next.host && !next.user && !next.password && !next.database && !next.port;
    field.onChange(empty ? undefined : buildDbUri(next));
  };
  const ro = a11y.readOnly;
  const id = (s: string) => `${a11y.id}-${s}`;
  const engine = ENGINES.find((e) => e.scheme === parts.scheme);
  const env = useFormEnv();
  // Failed logins are placed at `DB_URI.password` (components/editor/findings.ts); where the
  // connection stopped says which other part to mark.
  const passwordIssues = env.issuesAt(`${spec.path}.password`);
  const passwordIssuesId = passwordIssues.length ? id('password-issues') : undefined;
  const rowErrors = env.issuesAt(spec.path).filter((f) => f.severity === 'error');
  const stoppedAt = (...stages: Finding['stage'][]) => rowErrors.some((f) => stages.includes(f.stage));

  if (raw || parsed === null) {
    return (
      <div className="stack stack--tight" data-path={`${spec.path}.password`}>
        <input
          id={a11y.id}
          ref={field.ref}
          className="input mono"
          value={uri}
          readOnly={ro}
          aria-invalid={a11y.invalid || undefined}
          aria-describedby={a11y.describedBy}
          aria-labelledby={`${a11y.id}-label`}
          placeholder="postgresql://quay:password@db.example.com:5432/quay"
          onChange={(e) => field.onChange(e.target.value === '' ? undefined : e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
        <FieldIssues id={passwordIssuesId} issues={passwordIssues} />
        {parsed === null ? <p className="muted">This URI cannot be split into fields; edit it as text.</p> : null}
        {parsed !== null ? (
          <div>
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => setRaw(false)}>
              Edit as separate fields
            </button>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <fieldset className="subfields" aria-labelledby={`${a11y.id}-label`} aria-describedby={a11y.describedBy}>
      <div className="subfields__grid">
        <div className="field">
          <label className="field__label" htmlFor={a11y.id}>
            Database type
          </label>
          <select id={a11y.id} ref={field.ref} className="select" value={parts.scheme} disabled={ro} onChange={(e) => set({ scheme: e.target.value })}>
            {!engine ? <option value={parts.scheme}>{parts.scheme}</option> : null}
            {ENGINES.map((e) => (
              <option key={e.scheme} value={e.scheme}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <Part id={id('host')} label="Host" value={parts.host} ro={ro} invalid={stoppedAt('dns', 'tcp')} placeholder="db.example.com" onChange={(host) => set({ host })} />
        <Part id={id('port')} label="Port" value={parts.port} ro={ro} invalid={stoppedAt('tcp')} placeholder={engine?.port ?? ''} onChange={(port) => set({ port: port.replace(/\D/g, '') })} />
        <Part id={id('database')} label="Database name" value={parts.database} ro={ro} placeholder="quay" onChange={(database) => set({ database })} />
        <Part id={id('user')} label="User name" value={parts.user} ro={ro} placeholder="quay" onChange={(user) => set({ user })} />
        <div className="field" data-path={`${spec.path}.password`}>
          <label className="field__label" htmlFor={id('password')}>
            Password
          </label>
          <SecretInput
            id={id('password')}
            value={parts.password}
            readOnly={ro}
            invalid={passwordIssues.some((f) => f.severity === 'error')}
            describedBy={passwordIssuesId}
            onChange={(password) => set({ password })}
            autoComplete="new-password"
          />
          <FieldIssues id={passwordIssuesId} issues={passwordIssues} />
        </div>
      </div>
      {parts.scheme.startsWith('mysql') ? <Alert tone="warning">MySQL and MariaDB are deprecated as Quay databases; prefer PostgreSQL for new registries.</Alert> : null}
      {uri ? (
        <p className="muted dburi-preview">
          <span>URI: </span>
          <code>{maskDbUri(uri)}</code>
        </p>
      ) : null}
      <div>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => setRaw(true)}>
          Edit as a URI
        </button>
      </div>
    </fieldset>
  );
}

function Part({ id, label, value, onChange, ro, placeholder, invalid }: { id: string; label: string; value: string; onChange(v: string): void; ro: boolean; placeholder?: string; invalid?: boolean }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        value={value}
        readOnly={ro}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
