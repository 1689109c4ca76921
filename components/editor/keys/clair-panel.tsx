'use client';

import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ClairConfigResponse } from '@/lib/api/contract';
import { saveAs } from '@/components/form/file-data';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { DownloadIcon } from '@/components/ui/icons';
import { apiJson, describeError } from '../api-client';
import type { ConfigObject } from '../editor-types';
import { httpUrl, quayUrlOf } from './entered-urls';

/** The Clair v4 `config.yaml` fragment whose PSK and issuer match this Quay configuration. */
export function ClairPanel() {
  const { control } = useFormContext<ConfigObject>();
  const [psk, host, scheme, endpoint] = useWatch({ control, name: ['SECURITY_SCANNER_V4_PSK', 'SERVER_HOSTNAME', 'PREFERRED_URL_SCHEME', 'SECURITY_SCANNER_V4_ENDPOINT'] });
  const [yaml, setYaml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (typeof psk !== 'string' || psk === '') return;
    // Clair listens on the port Quay calls it at and posts notifications back to Quay's host.
    const quayUrl = quayUrlOf(host, scheme);
    const clairUrl = httpUrl(endpoint);
    let live = true;
    apiJson<ClairConfigResponse>('/api/v2/keys/clair-config', { psk, ...(quayUrl ? { quayUrl } : {}), ...(clairUrl ? { clairUrl } : {}) }).then(
      (r) => live && (setYaml(r.yaml), setError(null)),
      (e) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [psk, host, scheme, endpoint]);
  if (typeof psk !== 'string' || psk === '') {
    return <Alert tone="info">Generate a PSK first (Clair PSK tab): the Clair configuration needs the same key.</Alert>;
  }
  return (
    <div className="stack">
      <p>
        Merge this into Clair&apos;s <code>config.yaml</code>. Its key and issuer match SECURITY_SCANNER_V4_PSK.
      </p>
      {error ? (
        <Alert tone="error" role="alert">
          {error}
        </Alert>
      ) : null}
      {yaml ? (
        <>
          <pre className="code-block" data-testid="clair-yaml">
            {yaml}
          </pre>
          <div className="row">
            <CopyButton text={yaml} />
            <Button size="sm" onClick={() => saveAs(yaml, 'clair-config.yaml', 'application/yaml')}>
              <DownloadIcon size={14} /> Download
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
