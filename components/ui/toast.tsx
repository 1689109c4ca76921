'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CloseIcon } from './icons';

/** Kind of a toast: errors stay until dismissed, the others fade after a few seconds. */
export type ToastTone = 'error' | 'success' | 'info';

interface ToastItem {
  id: number;
  tone: ToastTone;
  text: string;
}

type Notify = (tone: ToastTone, text: string) => void;

const ToastContext = createContext<Notify>(() => {});

/** Hook returning `notify(tone, text)`. */
export function useToast(): Notify {
  return useContext(ToastContext);
}

/** Holds the toasts of the page and renders them in a polite live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback<Notify>(
    (tone, text) => {
      const id = next.current++;
      setItems((list) => [...list.slice(-3), { id, tone, text }]);
      if (tone !== 'error') setTimeout(() => dismiss(id), 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A manual popover sits in the top layer, so a toast raised from a modal dialog shows above it;
    // showing it again moves it above a dialog opened since. It stays open (empty, it is invisible)
    // so the live region exists before any message arrives.
    const el = region.current;
    if (!el || typeof el.showPopover !== 'function') return;
    if (el.matches(':popover-open')) el.hidePopover();
    el.showPopover();
  }, [items.length]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div ref={region} popover="manual" className="toasts" aria-live="polite" aria-relevant="additions">
        {items.map((t) => (
          <div key={t.id} className={`toast toast--${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
            <span className="toast__text">{t.text}</span>
            <button type="button" className="btn btn--ghost btn--sm btn--icon" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              <CloseIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
