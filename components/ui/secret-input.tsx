'use client';

import { useState } from 'react';
import { EyeIcon, EyeOffIcon } from './icons';

export interface SecretInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  autoComplete?: string;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
  readOnly?: boolean;
  placeholder?: string;
  name?: string;
}

/** A password input with a reveal toggle; the value is masked unless the user asks to see it. */
export function SecretInput({ id, value, onChange, onBlur, autoComplete = 'off', autoFocus, invalid, describedBy, readOnly, placeholder, name }: SecretInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="input-group">
      <input
        id={id}
        name={name}
        className="input"
        type={shown ? 'text' : 'password'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        readOnly={readOnly}
        placeholder={placeholder}
        spellCheck={false}
      />
      <button type="button" className="btn btn--icon" aria-label={shown ? 'Hide value' : 'Show value'} aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
        {shown ? <EyeOffIcon /> : <EyeIcon />}
      </button>
    </div>
  );
}
