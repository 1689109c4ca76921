'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { RefreshIcon } from '@/components/ui/icons';
import { useToast } from '@/components/ui/toast';
import type { BundleJson } from '@/lib/api/contract';
import { describeError } from './api-client';
import { changedPinnedKeys } from './config-diff';
import type { Draft } from './draft-store';
import { sendToOperator, type OperatorOutcome } from './operator-client';
import { SecretKeyGuard } from './secret-key-guard';
import { ValidationStatus } from './validation-status';

/** Groups whose keys the server always sends, managed or not (the operator needs SERVER_HOSTNAME). */
const NEVER_LEFT_OUT = new Set(['HostSettings']);

type SendState = { phase: 'idle' | 'sending' } | { phase: 'answered'; outcome: OperatorOutcome } | { phase: 'failed'; message: string };

/**
 * "Reconfigure Quay" when the server runs next to the Quay operator (`--operator-endpoint`): once
 * the configuration has been validated, send it to the operator, which updates the QuayRegistry's
 * config bundle and restarts Quay. Errors warn as for a download; changed secret keys need the
 * same confirmation. The keys of the groups the operator manages are left out by the server.
 */
export function ReconfigureDialog({
  onClose,
  draft,
  bundle,
  managedGroups,
  errors,
  validated,
  running,
  onValidateAll,
  onRestoreKeys,
}: {
  onClose(): void;
  draft: Draft;
  bundle: BundleJson;
  /** The server's read-only field groups, sent as `managedFieldGroups`. */
  managedGroups: readonly string[];
  errors: number;
  validated: boolean;
  running: boolean;
  onValidateAll(): void;
  onRestoreKeys(keys: string[]): void;
}) {
  const notify = useToast();
  const [confirmed, setConfirmed] = useState(false);
  const [state, setState] = useState<SendState>({ phase: 'idle' });
  const pinned = changedPinnedKeys(draft.original?.config, bundle['config.yaml']);
  const leftOut = managedGroups.filter((g) => !NEVER_LEFT_OUT.has(g));
  const sent = state.phase === 'answered' && state.outcome.ok;
  const ready = validated && !running && !(pinned.length > 0 && !confirmed) && state.phase !== 'sending' && !sent;

  const send = async () => {
    setState({ phase: 'sending' });
    try {
      const outcome = await sendToOperator(bundle, managedGroups);
      setState({ phase: 'answered', outcome });
      if (outcome.ok) notify('success', 'Config sent to the operator.');
    } catch (e) {
      setState({ phase: 'failed', message: describeError(e) });
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Reconfigure Quay"
      wide
      footer={
        <>
          <Button onClick={onClose}>{sent ? 'Close' : 'Cancel'}</Button>
          {sent ? null : (
            <Button variant="primary" onClick={send} disabled={!ready} data-testid="send-to-operator">
              <RefreshIcon size={16} /> {state.phase === 'sending' ? 'Sending…' : errors ? 'Reconfigure anyway' : 'Reconfigure Quay'}
            </Button>
          )}
        </>
      }
    >
      <div className="stack" data-testid="reconfigure">
        <p>The Quay operator stores this configuration in the QuayRegistry&apos;s config bundle secret and restarts Quay with it.</p>
        <ValidationStatus errors={errors} validated={validated} running={running} required="Validate before sending: Quay restarts with this configuration" onValidateAll={onValidateAll}>
          Quay refuses to start with errors: the registry may stay down until they are fixed.{validated ? null : ' Validate before sending it.'}
        </ValidationStatus>
        <SecretKeyGuard pinned={pinned} confirmed={confirmed} onConfirm={setConfirmed} onRestore={onRestoreKeys} />
        <p className="row" data-testid="managed-groups">
          {leftOut.length ? (
            <>
              Left out, because the operator manages them:{' '}
              {leftOut.map((g) => (
                <Badge key={g} tone="info">
                  {g}
                </Badge>
              ))}
            </>
          ) : (
            'Every key is sent: the operator manages no field group of this configuration.'
          )}
        </p>
        {state.phase === 'answered' && state.outcome.ok ? (
          <Alert tone="success" role="status" title="Config sent to the operator">
            The operator answered HTTP {state.outcome.status}
            {state.outcome.message ? (
              <>
                : <q>{state.outcome.message}</q>
              </>
            ) : null}
            . Quay restarts with the new configuration once the operator has reconciled the QuayRegistry.
          </Alert>
        ) : null}
        {state.phase === 'answered' && !state.outcome.ok ? (
          <Alert tone="error" role="alert" title={`Could not reconfigure Quay (HTTP ${state.outcome.status})`}>
            <span data-testid="operator-error">{state.outcome.message}</span>
          </Alert>
        ) : null}
        {state.phase === 'failed' ? (
          <Alert tone="error" role="alert" title="Could not reconfigure Quay">
            <span data-testid="operator-error">{state.message}</span>
          </Alert>
        ) : null}
      </div>
    </Dialog>
  );
}
