'use client';

import type { BundleJson } from '@/lib/api/contract';
import { DownloadDialog } from './download-dialog';
import type { Draft } from './draft-store';
import { ReconfigureDialog } from './reconfigure-dialog';
import type { EditorState } from './use-editor-state';

/** The configuration on its way out: the dialog asked for, with the bundle as it was when asked. */
export type ExportRequest = { kind: 'download' | 'reconfigure'; bundle: BundleJson } | null;

/**
 * The ways a configuration leaves the editor: the download dialog, and "Reconfigure Quay" when the
 * server runs next to the Quay operator. Both warn about errors and guard changed secret keys.
 */
export function ExportDialogs({
  request,
  onRequest,
  draft,
  st,
  errors,
  validated,
  running,
  onValidateAll,
}: {
  request: ExportRequest;
  onRequest(request: ExportRequest): void;
  draft: Draft;
  st: EditorState;
  errors: number;
  /** A "Validate all" run has finished. */
  validated: boolean;
  running: boolean;
  onValidateAll(): void;
}) {
  const restoreKeys = (names: string[]) => {
    for (const k of names) st.form.setValue(k, draft.original?.config[k], { shouldDirty: true });
    if (request) onRequest({ ...request, bundle: st.buildBundle() });
  };
  const close = () => onRequest(null);
  return (
    <>
      <DownloadDialog
        open={request?.kind === 'download'}
        onClose={close}
        draft={draft}
        bundle={request?.kind === 'download' ? request.bundle : null}
        errors={errors}
        validated={validated}
        onValidateAll={onValidateAll}
        onRestoreKeys={restoreKeys}
      />
      {request?.kind === 'reconfigure' ? (
        <ReconfigureDialog
          onClose={close}
          draft={draft}
          bundle={request.bundle}
          managedGroups={[...st.readonlyGroups]}
          errors={errors}
          validated={validated}
          running={running}
          onValidateAll={onValidateAll}
          onRestoreKeys={restoreKeys}
        />
      ) : null}
    </>
  );
}
