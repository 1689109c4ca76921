'use client';

import type { ReactNode } from 'react';
import { LogoMark, LogoutIcon } from '@/components/ui/icons';
import { useHydrated } from '@/components/ui/use-hydrated';
import { clearDraft } from './draft-store';

/** Ends the session on the server and deletes the draft kept in this browser, then shows the login page. */
export async function logout(): Promise<void> {
  clearDraft();
  await fetch('/api/v2/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
  window.location.assign('/login');
}

/** The dark masthead shared by every page: product mark on the left, page actions on the right. */
export function AppHeader({ children, leading }: { children?: ReactNode; leading?: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <header className="masthead">
      {leading}
      <a className="masthead__brand" href="/">
        <LogoMark size={28} />
        <span>Quay config</span>
      </a>
      <div className="masthead__actions">
        {children}
        <button type="button" className="btn btn--ghost masthead__btn" disabled={!hydrated} onClick={() => void logout()} title="Log out (deletes the draft kept in this browser)">
          <LogoutIcon size={16} />
          <span className="masthead__label">Log out</span>
        </button>
      </div>
    </header>
  );
}
