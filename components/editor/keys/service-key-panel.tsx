'use client';

import { useState } from 'react';
import type { ServiceKeyResponse } from '@/lib/api/contract';
import { saveAs } from '@/components/form/file-data';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { DownloadIcon } from '@/components/ui/icons';
import { useToast } from '@/components/ui/toast';
import { useFormContext, useWatch } from 'react-hook-form';
import { apiJson, describeError } from '../api-client';
import type { ConfigObject } from '../editor-types';
import { httpUrl, quayUrlOf } from './entered-urls';

/** Quay's default SECURITY_SCANNER_ISSUER_NAME. */
const DEFAULT_SERVICE = 'security_scanner';

/**
 * A security-scanner service key (Clair v2 jwtproxy, preshared mode): RSA key whose id is shown,
 * the private key offered once as `<service>.pem`. The service is SECURITY_SCANNER_ISSUER_NAME
 * (default `security_scanner`): Quay accepts the scanner's tokens only from that issuer. Nothing is
 * stored on the server.
 */
export function ServiceKeyPanel() {
  const notify = useToast();
  const { control } = useFormContext<ConfigObject>();
  const [host, scheme, v2Endpoint, v4Endpoint, issuerName] = useWatch({
    control,
    name: ['SERVER_HOSTNAME', 'PREFERRED_URL_SCHEME', 'SECURITY_SCANNER_ENDPOINT', 'SECURITY_SCANNER_V4_ENDPOINT', 'SECURITY_SCANNER_ISSUER_NAME'],
  });
  const service = typeof issuerName === 'string' && issuerName.trim() !== '' ? issuerName.trim() : DEFAULT_SERVICE;
  const [name, setName] = useState(`${service} Service Key`);
  const [expiry, setExpiry] = useState('');
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState<(ServiceKeyResponse & { service: string }) | null>(null);
  const create = async () => {
    setBusy(true);
    try {
      // The jwtproxy snippet points at Quay's key server and listens where Quay calls the scanner
      // (the Clair v2 endpoint; else the only endpoint the scanner section shows).
      const quayUrl = quayUrlOf(host, scheme);
      const scannerUrl = httpUrl(v2Endpoint) ?? httpUrl(v4Endpoint);
      const body: { name: string; service: string; expiration?: string; quayUrl?: string; scannerUrl?: string } = {
        name,
        service,
        ...(quayUrl ? { quayUrl } : {}),
        ...(scannerUrl ? { scannerUrl } : {}),
      };
      if (expiry) body.expiration = new Date(`${expiry}T23:59:59`).toISOString();
      setKey({ ...(await apiJson<ServiceKeyResponse>('/api/v2/keys/service-key', body)), service });
    } catch (e) {
      notify('error', describeError(e));
    }
    setBusy(false);
  };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="stack">
      {!key ? (
        <>
          <div className="form-grid">
            <div className="field">
              <label className="field__label" htmlFor="sk-name">
                Key name
              </label>
              <input id="sk-name" className="input" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="sk-expiry">
                Expiration date (optional)
              </label>
              <input id="sk-expiry" className="input" type="date" min={today} value={expiry} onChange={(e) => setExpiry(e.target.value)} aria-describedby="sk-expiry-help" />
              <p id="sk-expiry-help" className="field__help">
                Leave empty for a key that never expires.
              </p>
            </div>
          </div>
          <div>
            <Button variant="primary" onClick={create} disabled={busy || name.trim() === ''} data-testid="create-service-key">
              {busy ? 'Generating…' : 'Generate key'}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Alert tone="warning" role="alert" title="Save the private key now">
            It is shown only once and is not stored anywhere: once this dialog is closed, it cannot be recovered.
          </Alert>
          <div className="field">
            <span className="field__label">Key ID</span>
            <div className="row row--nowrap">
              <code className="grow keyid" data-testid="service-key-id">
                {key.kid}
              </code>
              <CopyButton text={key.kid} />
            </div>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="sk-pem">
              Private key (PEM)
            </label>
            <textarea id="sk-pem" className="textarea" readOnly rows={6} value={key.privateKeyPem} />
          </div>
          <div className="row">
            <Button variant="primary" onClick={() => saveAs(key.privateKeyPem, `${key.service}.pem`, 'application/x-pem-file')} data-testid="download-service-key">
              <DownloadIcon size={14} /> Download {key.service}.pem
            </Button>
            <CopyButton text={key.privateKeyPem} label="Copy private key" />
            <span className="spacer" />
            <Button variant="ghost" onClick={() => setKey(null)}>
              Create another key
            </Button>
          </div>
          <div className="field">
            <span className="field__label">jwtproxy signer configuration</span>
            <pre className="code-block" data-testid="jwtproxy-yaml">
              {key.jwtproxySnippet}
            </pre>
            <div>
              <CopyButton text={key.jwtproxySnippet} label="Copy snippet" />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
