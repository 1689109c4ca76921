'use client';

import { Badge } from '@/components/ui/badge';
import { DownloadIcon, KeyIcon, MenuIcon, PlayIcon, RefreshIcon } from '@/components/ui/icons';
import { AppHeader } from './app-header';
import type { Draft } from './draft-store';
import { ReleasePicker, type ReleaseChoice } from './release-picker';

/** The editor's masthead: what is being edited, and the global actions ("Reconfigure Quay" only next to an operator). */
export function EditorHeader({
  draft,
  release,
  running,
  navOpen,
  onToggleNav,
  onKeys,
  onValidateAll,
  onDownload,
  onReconfigure,
}: {
  draft: Draft;
  /** The release picker; absent until the server said which releases it knows. */
  release?: { choice: ReleaseChoice; value: string; onChange(release: string): void };
  running: boolean;
  navOpen: boolean;
  onToggleNav(): void;
  onKeys(): void;
  onValidateAll(): void;
  onDownload(): void;
  onReconfigure?: () => void;
}) {
  const origin = draft.origin === 'new' ? 'New configuration' : draft.origin === 'preloaded' ? "Server's bundle" : (draft.sourceName ?? 'Uploaded bundle');
  return (
    <AppHeader
      leading={
        <button type="button" className="btn btn--ghost masthead__btn masthead__menu" aria-label="Sections" aria-expanded={navOpen} aria-controls="section-nav" onClick={onToggleNav}>
          <MenuIcon />
        </button>
      }
    >
      <span className="masthead__origin">
        <Badge tone="info">{origin}</Badge>
      </span>
      {release ? <ReleasePicker tone="masthead" choice={release.choice} value={release.value} onChange={release.onChange} /> : null}
      <button type="button" className="btn btn--ghost masthead__btn" onClick={onKeys}>
        <KeyIcon size={16} />
        <span className="masthead__label">Keys &amp; certificates</span>
      </button>
      <button type="button" className="btn btn--ghost masthead__btn" onClick={running ? undefined : onValidateAll} aria-disabled={running || undefined} data-testid="validate-all">
        <PlayIcon size={14} />
        <span className="masthead__label">Validate all</span>
      </button>
      {onReconfigure ? (
        <button type="button" className="btn btn--ghost masthead__btn" onClick={onReconfigure} data-testid="open-reconfigure">
          <RefreshIcon size={14} />
          <span className="masthead__label">Reconfigure Quay</span>
        </button>
      ) : null}
      <button type="button" className="btn btn--primary" onClick={onDownload} data-testid="open-download">
        <DownloadIcon size={16} />
        <span className="masthead__label">Download</span>
      </button>
    </AppHeader>
  );
}
