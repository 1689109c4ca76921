import { Button } from '@/components/ui/button';
import { ClockIcon } from '@/components/ui/icons';
import { describeAge, type Draft } from './draft-store';

const ORIGIN: Record<Draft['origin'], string> = {
  new: 'New configuration',
  upload: 'Uploaded bundle',
  preloaded: "Server's bundle",
};

/** "Continue where you left off": the draft kept in this browser. */
export function DraftCard({ draft, onContinue, onDiscard }: { draft: Draft; onContinue(): void; onDiscard(): void }) {
  const host = typeof draft.config.SERVER_HOSTNAME === 'string' ? draft.config.SERVER_HOSTNAME : null;
  return (
    <section className="card draft-card" aria-labelledby="draft-title" data-testid="draft-card">
      <ClockIcon size={22} />
      <div className="grow">
        <h2 id="draft-title">Continue where you left off</h2>
        <p className="muted">
          {ORIGIN[draft.origin]}
          {draft.sourceName ? ` (${draft.sourceName})` : ''}
          {host ? ` for ${host}` : ''}
          {draft.quayVersion ? ` · Quay ${draft.quayVersion}` : ''} · saved in this browser {describeAge(draft.savedAt)}
        </p>
      </div>
      <div className="row">
        <Button variant="ghost" onClick={onDiscard}>
          Discard
        </Button>
        <Button variant="primary" onClick={onContinue}>
          Continue editing
        </Button>
      </div>
    </section>
  );
}
