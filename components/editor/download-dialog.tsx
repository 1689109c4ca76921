'use client';

import { useMemo, useState } from 'react';
import { saveAs } from '@/components/form/file-data';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DownloadIcon } from '@/components/ui/icons';
import { useToast } from '@/components/ui/toast';
import type { BundleJson } from '@/lib/api/contract';
import { apiFetch, describeError } from './api-client';
import { changedPinnedKeys, diffConfig, diffFiles } from './config-diff';
import { DiffView } from './diff-view';
import type { Draft } from './draft-store';

/**
 * Download `quay-config.tar.gz`: a review of what changed, a warning (not a block) when the
 * configuration has errors, and an explicit confirmation before secret keys of an uploaded bundle
 * are replaced.
 */
export function DownloadDialog({ open, onClose, draft, bundle, errors, validated, onValidateAll, onRestoreKeys }: {
  open: boolean;
  onClose(): void;
  draft: Draft;
  bundle: BundleJson | null;
  errors: number;
  validated: boolean;
  onValidateAll(): void;
  onRestoreKeys(keys: string[]): void;
}) {
  const notify = useToast();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const config = bundle?.['config.yaml'] ?? {};
  const original = draft.original;
  const changes = useMemo(() => (original && bundle ? diffConfig(original.config, config) : []), [original, bundle, config]);
  const fileChanges = useMemo(() => (original && bundle ? diffFiles(original.certs, bundle.certs) : []), [original, bundle]);
  const pinned = changedPinnedKeys(original?.config, config);
  const blocked = pinned.length > 0 && !confirmed;

  const download = async () => {
    if (!bundle) return;
    setBusy(true);
    try {
      const res = await apiFetch('/api/v2/bundle/download', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bundle) });
      saveAs(await res.blob(), 'quay-config.tar.gz', 'application/gzip');
      notify('success', 'quay-config.tar.gz downloaded. Your draft is still kept in this browser.');
      onClose();
    } catch (e) {
      notify('error', `Download failed: ${describeError(e)}`);
    }
    setBusy(false);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Download configuration"
      wide
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={download} disabled={busy || blocked || !bundle} data-testid="download-bundle">
            <DownloadIcon size={16} /> {busy ? 'Preparing…' : errors ? 'Download anyway' : 'Download quay-config.tar.gz'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors ? (
          <Alert tone="warning" title={`This configuration has ${errors} error${errors === 1 ? '' : 's'}`}>
            Quay checks its configuration at start and refuses to run with errors. You can still download it to keep your work.
          </Alert>
        ) : !validated ? (
          <Alert tone="info" title="Not validated against your services yet" actions={<Button size="sm" onClick={() => { onClose(); onValidateAll(); }}>Validate all</Button>}>
            Validation connects to the database, Redis, storage and the other services this configuration uses.
          </Alert>
        ) : (
          <Alert tone="success" title="Validated">Every check passed.</Alert>
        )}
        {pinned.length ? (
          <Alert tone="error" role="alert" title={`${pinned.join(' and ')} changed`} actions={<Button size="sm" onClick={() => onRestoreKeys(pinned)}>Restore the uploaded keys</Button>}>
            <p>Quay encrypts data with these keys. If this registry has already run, data encrypted with the old keys becomes unreadable.</p>
            <label className="checkbox">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="confirm-secret-change" />
              I understand: this registry has never run with the old keys, or I accept losing that data.
            </label>
          </Alert>
        ) : null}
        {original ? (
          <section aria-labelledby="changes-title" className="stack stack--tight">
            <h3 id="changes-title">Changes against {draft.sourceName ?? 'the loaded bundle'}</h3>
            <DiffView entries={changes} files={fileChanges} />
          </section>
        ) : (
          <p className="muted">A new configuration: {Object.keys(config).length} keys and {Object.keys(bundle?.certs ?? {}).length} files.</p>
        )}
        <Alert tone="info">The bundle holds passwords and private keys unencrypted. Keep it somewhere safe.</Alert>
      </div>
    </Dialog>
  );
}
