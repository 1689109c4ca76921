'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { UploadIcon } from './icons';

/** Props of `FileDrop`. */
export interface FileDropProps {
  /** Called with the dropped or picked file. */
  onFile(file: File): void;
  accept?: string;
  /** Text of the visible picker button. */
  buttonLabel: string;
  hint?: ReactNode;
  disabled?: boolean;
}

/**
 * A drop zone with a real file picker inside: drag-and-drop for mouse users, a labelled button for
 * keyboard and screen-reader users.
 */
export function FileDrop({ onFile, accept, buttonLabel, hint, disabled }: FileDropProps) {
  const [active, setActive] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div
      className={active ? 'drop-zone drop-zone--active' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setActive(true);
      }}
      onDragLeave={() => setActive(false)}
      onDrop={(e) => {
        e.preventDefault();
        setActive(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
      data-testid="drop-zone"
    >
      <UploadIcon size={28} className="drop-zone__icon" />
      <div>
        <button type="button" className="btn btn--primary" disabled={disabled} onClick={() => input.current?.click()}>
          {buttonLabel}
        </button>
        <input
          id={id}
          ref={input}
          type="file"
          accept={accept}
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <div>or drag and drop it here</div>
      {hint ? <div className="muted">{hint}</div> : null}
    </div>
  );
}
