'use client';

import { useEffect, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DownloadIcon } from '@/components/ui/icons';
import { useToast } from '@/components/ui/toast';
import type { BundleJson } from '@/lib/api/contract';
import { describeError } from './api-client';
import { DEFAULT_SECRET_NAME, exportBundle, exportFileName, secretTargetProblems, type ExportChoice, type SecretTarget } from './bundle-export';
import { changedPinnedKeys, diffConfig, diffFiles } from './config-diff';
import { DiffView } from './diff-view';
import { DownloadFormat } from './download-format';
import type { Draft } from './draft-store';
import { SecretKeyGuard } from './secret-key-guard';
import { ValidationStatus } from './validation-status';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Download the configuration — `quay-config.tar.gz` or a Kubernetes Secret for the operator —
 * with a review of what changed, a warning (not a block) when the configuration has errors, and
 * an explicit confirmation before secret keys of an uploaded bundle are replaced.
 */
export function DownloadDialog({
  open,
  onClose,
  draft,
  bundle,
  errors,
  validated,
  onValidateAll,
  onRestoreKeys,
}: {
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
  const [failure, setFailure] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportChoice['format']>('tarball');
  const [target, setTarget] = useState<SecretTarget>({ name: DEFAULT_SECRET_NAME, namespace: '' });
  const config = useMemo(() => bundle?.['config.yaml'] ?? {}, [bundle]);
  const original = draft.original;
  const changes = useMemo(() => (original && bundle ? diffConfig(original.config, config) : []), [original, bundle, config]);
  const fileChanges = useMemo(() => (original && bundle ? diffFiles(original.certs, bundle.certs) : []), [original, bundle]);
  const pinned = changedPinnedKeys(original?.config, config);
  const blocked = pinned.length > 0 && !confirmed;
  const choice: ExportChoice = format === 'tarball' ? { format } : { format, ...target };
  const badTarget = format === 'k8s-secret' && Object.values(secretTargetProblems(target)).some(Boolean);
  const fileName = exportFileName(choice);
  useEffect(() => {
    if (open) setFailure(null);
  }, [open]);

  const download = async () => {
    if (!bundle) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await exportBundle(bundle, choice);
      notify('success', `${saved} downloaded. Your draft is still kept in this browser.`);
      onClose();
    } catch (e) {
      setFailure(describeError(e));
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
          <Button variant="primary" onClick={download} disabled={busy || blocked || badTarget || !bundle} data-testid="download-bundle">
            <DownloadIcon size={16} /> {busy ? 'Preparing…' : `Download ${fileName}${errors ? ' anyway' : ''}`}
          </Button>
        </>
      }
    >
      <div className="stack">
        <ValidationStatus
          errors={errors}
          validated={validated}
          onValidateAll={() => {
            onClose();
            onValidateAll();
          }}
        >
          Quay checks its configuration at start and refuses to run with errors. You can still download it to keep your work.
        </ValidationStatus>
        <SecretKeyGuard pinned={pinned} confirmed={confirmed} onConfirm={setConfirmed} onRestore={onRestoreKeys} />
        {original ? (
          <section aria-labelledby="changes-title" className="stack stack--tight">
            <h3 id="changes-title">Changes against {draft.sourceName ?? 'the loaded bundle'}</h3>
            <DiffView entries={changes} files={fileChanges} />
          </section>
        ) : (
          <p className="muted">
            A new configuration: {Object.keys(config).length} keys and {plural(Object.keys(bundle?.certs ?? {}).length, 'file')}.
          </p>
        )}
        <DownloadFormat
          format={format}
          onFormat={(f) => {
            setFormat(f);
            setFailure(null);
          }}
          target={target}
          onTarget={(t) => {
            setTarget(t);
            setFailure(null);
          }}
        />
        {failure ? (
          <Alert tone="error" role="alert" title={`${fileName} could not be made`}>
            <span data-testid="download-error">{failure}</span>
          </Alert>
        ) : null}
        <Alert tone="info">The bundle holds passwords and private keys unencrypted. Keep it somewhere safe.</Alert>
      </div>
    </Dialog>
  );
}
