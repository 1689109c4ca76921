'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons';

/** Props of `Dialog`. */
export interface DialogProps {
  open: boolean;
  onClose(): void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Extra element in the header, right of the title. */
  headerExtra?: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` gives the focus trap, Esc to close
 * and an inert page behind it, without a library.
 */
export function Dialog({ open, onClose, title, children, footer, wide, headerExtra }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (e.target === ref.current) onClose();
      }}
    >
      {open ? (
        <div className="dialog__frame">
          <div className="dialog__header">
            <h2 id="dialog-title">{title}</h2>
            {headerExtra}
            <button type="button" className="btn btn--ghost btn--icon" aria-label="Close" onClick={onClose}>
              <CloseIcon />
            </button>
          </div>
          <div className="dialog__body">{children}</div>
          {footer ? <div className="dialog__footer">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
