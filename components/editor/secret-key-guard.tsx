'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/**
 * The confirmation asked before a configuration whose uploaded SECRET_KEY / DATABASE_SECRET_KEY
 * changed leaves the editor: Quay encrypts data with them, so a change loses that data.
 */
export function SecretKeyGuard({
  pinned,
  confirmed,
  onConfirm,
  onRestore,
}: {
  /** The pinned keys that changed (nothing is shown when empty). */
  pinned: readonly string[];
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
  onRestore(keys: string[]): void;
}) {
  if (pinned.length === 0) return null;
  return (
    <Alert
      tone="error"
      role="alert"
      title={`${pinned.join(' and ')} changed`}
      actions={
        <Button size="sm" onClick={() => onRestore([...pinned])}>
          Restore the uploaded keys
        </Button>
      }
    >
      <p>Quay encrypts data with these keys. If this registry has already run, data encrypted with the old keys becomes unreadable.</p>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} data-testid="confirm-secret-change" />I understand: this registry has never run with the old keys, or I
        accept losing that data.
      </label>
    </Alert>
  );
}
