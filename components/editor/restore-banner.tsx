import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeAge } from './draft-store';

/** Shown when the editor opened a draft kept from an earlier visit (or before a re-login). */
export function RestoreBanner({ savedAt, onDismiss, onDiscard }: { savedAt: number; onDismiss(): void; onDiscard(): void }) {
  return (
    <Alert
      tone="info"
      title="Your draft was restored"
      actions={
        <>
          <Button size="sm" onClick={onDismiss}>
            Keep editing
          </Button>
          <Button size="sm" variant="ghost" onClick={onDiscard}>
            Discard it and start over
          </Button>
        </>
      }
    >
      <span data-testid="restore-banner">Everything you entered was kept in this browser (last saved {describeAge(savedAt)}).</span>
    </Alert>
  );
}
