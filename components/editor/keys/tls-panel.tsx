'use client';

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { SelfSignedResponse } from '@/lib/api/contract';
import { useFormEnv } from '@/components/form/form-env';
import { saveAs, textToBase64 } from '@/components/form/file-data';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DownloadIcon } from '@/components/ui/icons';
import { useToast } from '@/components/ui/toast';
import { apiJson, describeError } from '../api-client';
import type { ConfigObject } from '../editor-types';

/** Where the generated CA goes in the bundle (Quay trusts everything under extra_ca_certs/). */
export const GENERATED_CA = 'extra_ca_certs/quay-config-ca.crt';

/**
 * A self-signed CA and a server certificate for SERVER_HOSTNAME, as Quay's documented openssl
 * steps make them: ssl.cert/ssl.key go into the bundle, the CA into extra_ca_certs/ and out as
 * `ca.crt` for clients.
 */
export function TlsPanel() {
  const { control, setValue } = useFormContext<ConfigObject>();
  const env = useFormEnv();
  const notify = useToast();
  const hostValue = useWatch({ control, name: 'SERVER_HOSTNAME' });
  const [host, setHost] = useState(typeof hostValue === 'string' ? hostValue.replace(/:\d+$/, '') : '');
  const [ips, setIps] = useState('');
  const [busy, setBusy] = useState(false);
  const [ca, setCa] = useState<string | null>(null);
  const replacing = Boolean(env.files['ssl.cert'] || env.files['ssl.key']);

  const generate = async () => {
    setBusy(true);
    try {
      const list = ips
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const res = await apiJson<SelfSignedResponse>('/api/v2/certs/self-signed', { hostname: host.trim(), ...(list.length ? { ips: list } : {}) });
      env.setFile('ssl.cert', textToBase64(res.certPem));
      env.setFile('ssl.key', textToBase64(res.keyPem));
      env.setFile(GENERATED_CA, textToBase64(res.caCertPem));
      setValue('PREFERRED_URL_SCHEME', 'https', { shouldDirty: true });
      setValue('EXTERNAL_TLS_TERMINATION', false, { shouldDirty: true });
      setCa(res.caCertPem);
      notify('success', `ssl.cert and ssl.key for ${host.trim()} are in the bundle; the CA is ${GENERATED_CA}.`);
    } catch (e) {
      notify('error', describeError(e));
    }
    setBusy(false);
  };

  return (
    <div className="stack">
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor="tls-host">
            Host name (SAN)
          </label>
          <input id="tls-host" className="input" value={host} placeholder="quay.example.com" onChange={(e) => setHost(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="tls-ips">
            IP addresses (optional)
          </label>
          <input id="tls-ips" className="input" value={ips} placeholder="192.0.2.10, 2001:db8::10" onChange={(e) => setIps(e.target.value)} />
        </div>
      </div>
      {replacing && !ca ? <Alert tone="warning">This replaces the ssl.cert and ssl.key already in the bundle.</Alert> : null}
      <div>
        <Button variant="primary" onClick={generate} disabled={busy || host.trim() === ''} data-testid="generate-cert">
          {busy ? 'Generating…' : 'Generate CA and certificate'}
        </Button>
      </div>
      {ca ? (
        <Alert
          tone="success"
          title="Certificate added to the bundle"
          actions={
            <Button onClick={() => saveAs(ca, 'ca.crt', 'application/x-x509-ca-cert')} data-testid="download-ca">
              <DownloadIcon size={14} /> Download ca.crt
            </Button>
          }
        >
          Clients must trust the CA: copy <code>ca.crt</code> to <code>/etc/docker/certs.d/{host.trim()}/ca.crt</code> (Docker) or <code>/etc/containers/certs.d/{host.trim()}/ca.crt</code> (Podman) on
          every machine that pulls from this registry.
        </Alert>
      ) : null}
    </div>
  );
}
