'use client';

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { PskResponse } from '@/lib/api/contract';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { SecretInput } from '@/components/ui/secret-input';
import { useToast } from '@/components/ui/toast';
import { apiJson, describeError } from '../api-client';
import type { ConfigObject } from '../editor-types';

/**
 * Clair v4 pre-shared key: 32 random bytes from the server's CSPRNG, base64 (the old editor used
 * Math.random). Generating it fills SECURITY_SCANNER_V4_PSK and turns the scanner on.
 */
export function PskPanel() {
  const { control, setValue } = useFormContext<ConfigObject>();
  const current = useWatch({ control, name: 'SECURITY_SCANNER_V4_PSK' });
  const notify = useToast();
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    setBusy(true);
    try {
      const { psk } = await apiJson<PskResponse>('/api/v2/keys/psk', {});
      setValue('SECURITY_SCANNER_V4_PSK', psk, { shouldDirty: true });
      setValue('FEATURE_SECURITY_SCANNER', true, { shouldDirty: true });
      notify('success', 'SECURITY_SCANNER_V4_PSK was set. Use the same key in Clair (see Clair config).');
    } catch (e) {
      notify('error', describeError(e));
    }
    setBusy(false);
  };
  const psk = typeof current === 'string' ? current : '';
  return (
    <div className="stack">
      <p>
        Quay signs its requests to Clair v4 with this key; Clair&apos;s <code>auth.psk.key</code> must hold the same value.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="psk-value">
          SECURITY_SCANNER_V4_PSK
        </label>
        <div className="row row--nowrap">
          <div className="grow">
            <SecretInput id="psk-value" value={psk} readOnly onChange={() => {}} placeholder="Not set" />
          </div>
          {psk ? <CopyButton text={psk} /> : null}
        </div>
      </div>
      {psk ? <Alert tone="info">Generating a new key replaces this one: Clair must then be updated too.</Alert> : null}
      <div>
        <Button variant="primary" onClick={generate} disabled={busy} data-testid="generate-psk">
          {busy ? 'Generating…' : psk ? 'Generate a new PSK' : 'Generate PSK'}
        </Button>
      </div>
    </div>
  );
}
