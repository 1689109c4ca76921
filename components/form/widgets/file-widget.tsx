'use client';

import { useRef } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FileIcon, TrashIcon, UploadIcon } from '@/components/ui/icons';
import type { FieldA11y } from '../field-row';
import type { FieldSpec } from '../field-spec';
import { base64Size, base64ToText, fileToBase64, formatBytes } from '../file-data';
import { useFormEnv } from '../form-env';

/** What a public-key file holds at a glance (the JWTAuthentication rules give the full verdict). */
function publicKeyKind(base64: string): string | null {
  const text = base64ToText(base64).trim();
  if (text.startsWith('ssh-rsa ')) return 'OpenSSH RSA public key';
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  return label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' ? `Public key (PEM ${label})` : null;
}

/**
 * A file of the bundle (`ssl.cert`, `ssl.key`, `database.pem`, `ldap.crt`, `jwt-authn.cert`):
 * upload, replace or remove it, with what the certificate inspector found (subject, expiry, key
 * match). A public key (`ui.widget: public-key`) is not a certificate: it is described, not inspected.
 */
export function FileWidget({ spec, a11y }: { spec: FieldSpec; a11y: FieldA11y }) {
  const env = useFormEnv();
  const input = useRef<HTMLInputElement>(null);
  const name = spec.path;
  const content = env.files[name];
  const publicKey = spec.ui.widget === 'public-key';
  const info = publicKey ? undefined : env.certInfo[name];
  const keyKind = publicKey && content ? publicKeyKind(content) : null;
  const cert = info?.certificates[0];
  const keyOnly = Boolean(info?.hasPrivateKey && info.certificates.length === 0);
  return (
    <div className="file-field">
      <div className="file-field__status">
        <FileIcon size={18} />
        {content ? (
          <div className="file-field__info">
            <span>
              <strong className="mono">{name}</strong> <span className="muted">· {formatBytes(base64Size(content))}</span>
            </span>
            {info && !info.ok && !keyOnly ? <Badge tone="error">{info.error ?? 'not a valid certificate'}</Badge> : null}
            {cert ? (
              <span className="muted file-field__cert">
                {cert.subject}
                {cert.sans.length ? ` · ${cert.sans.join(', ')}` : ''} · expires {new Date(cert.notAfter).toLocaleDateString()} {cert.expired ? <Badge tone="error">expired</Badge> : null}
                {info?.keyMatches === true ? <Badge tone="ok">matches key</Badge> : null}
                {info?.keyMatches === false ? <Badge tone="error">does not match the key</Badge> : null}
              </span>
            ) : null}
            {keyKind ? <span className="muted">{keyKind}</span> : null}
            {keyOnly ? <span className="muted">Private key{name === 'ssl.key' && env.certInfo['ssl.cert']?.keyMatches === true ? ' · matches ssl.cert' : ''}</span> : null}
          </div>
        ) : (
          <span className="muted">No file in the bundle.</span>
        )}
      </div>
      {!a11y.readOnly ? (
        <div className="row">
          <Button size="sm" id={a11y.id} aria-describedby={a11y.describedBy} onClick={() => input.current?.click()}>
            <UploadIcon size={14} /> {content ? 'Replace' : 'Upload'}
          </Button>
          {content ? (
            <Button size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={() => env.setFile(name, undefined)}>
              <TrashIcon size={14} /> Remove
            </Button>
          ) : null}
          <input
            ref={input}
            type="file"
            hidden
            data-file={name}
            aria-label={`Upload ${name}`}
            accept={publicKey ? '.cert,.pem,.pub,.key' : '.crt,.cert,.pem,.key,application/x-x509-ca-cert,application/x-pem-file'}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) env.setFile(name, await fileToBase64(f));
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
