'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LogoMark } from '@/components/ui/icons';
import { SecretInput } from '@/components/ui/secret-input';
import { useHydrated } from '@/components/ui/use-hydrated';
import { safeNext } from './safe-next';

/** The login card: the user name is fixed (`quayconfig`, as in Quay's config mode), only the password is asked. */
export function LoginForm({ next, expired }: { next: string; expired: boolean }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A password typed into the server's HTML would be shown but never reach the state: read-only until live.
  const hydrated = useHydrated();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/v2/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password }),
        credentials: 'same-origin',
      });
      if (res.status === 204 || res.ok) {
        window.location.assign(safeNext(next, window.location.origin));
        return;
      }
      setError(
        res.status === 401
          ? 'Wrong password. Check the password the server was started with.'
          : res.status === 429
            ? `Too many failed attempts. Try again in ${res.headers.get('retry-after') ?? 'a few'} seconds.`
            : `Login failed (${res.status}).`,
      );
    } catch {
      setError('The server did not answer. Is quay-config still running?');
    }
    setBusy(false);
  }

  return (
    <main className="login">
      <form className="login__card card" onSubmit={submit} noValidate>
        <div className="login__brand">
          <LogoMark size={40} />
          <div>
            <h1>Quay config</h1>
            <p className="muted">Configure and validate your Red Hat Quay registry</p>
          </div>
        </div>
        {expired ? (
          <Alert tone="info" title="Your session has ended">
            The server may have restarted. Log in again: your draft is kept in this browser.
          </Alert>
        ) : null}
        {error ? (
          <Alert tone="error" role="alert">
            {error}
          </Alert>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="login-user">
            User name
          </label>
          <input id="login-user" className="input" value="quayconfig" readOnly autoComplete="username" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="login-password">
            Password
          </label>
          <SecretInput
            id="login-password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            autoFocus
            readOnly={!hydrated}
            invalid={error !== null}
            describedBy={error ? undefined : 'login-password-help'}
          />
          <p id="login-password-help" className="field__help">
            Set with <code>QUAY_CONFIG_PASSWORD</code> or <code>--password</code>, or printed by the server at start.
          </p>
        </div>
        <Button type="submit" variant="primary" size="lg" disabled={busy || password === ''}>
          {busy ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
    </main>
  );
}
