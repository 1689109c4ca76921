import type { Finding } from '@/lib/report/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** What reading the bundle noticed (entries left out, unusual files) before opening the editor. */
export function UploadNotes({ findings, onContinue, onCancel }: { findings: readonly Finding[]; onContinue(): void; onCancel(): void }) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <Alert
      tone={errors ? 'error' : 'warning'}
      role="alert"
      title="The bundle was read, with remarks"
      actions={
        <>
          <Button variant="primary" size="sm" onClick={onContinue}>
            Open it in the editor
          </Button>
          <Button variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        </>
      }
    >
      <ul className="plain-list" data-testid="upload-notes">
        {findings.map((f, i) => (
          <li key={i}>
            {f.message}
            {f.hint ? <span className="muted"> — {f.hint}</span> : null}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
