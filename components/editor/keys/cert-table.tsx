'use client';

import { useRef } from 'react';
import type { CertificateInfo } from '@/lib/api/contract';
import { useFormEnv } from '@/components/form/form-env';
import { base64ToBytes, fileToBase64 } from '@/components/form/file-data';
import { saveAs } from '@/components/form/file-data';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DownloadIcon, PlusIcon, TrashIcon } from '@/components/ui/icons';

/** Certificate files of the bundle, in the order an administrator looks for them. */
const CERT_FILE = /^(ssl\.cert|ssl\.key|database\.pem|ldap\.crt|extra_ca_certs\/.+|extra_ca_cert_.+)$/;

function rank(name: string): number {
  return ['ssl.cert', 'ssl.key', 'database.pem', 'ldap.crt'].indexOf(name) + 1 || 9;
}

/** A safe file name under extra_ca_certs/ (no directories, no odd characters). */
export function caFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'ca.crt';
  const clean = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'ca.crt';
  return `extra_ca_certs/${clean}`;
}

/**
 * The certificates in the bundle (`ssl.cert`, `database.pem`, `ldap.crt`, `extra_ca_certs/*`):
 * subject, SANs, issuer, expiry and key match, from `POST /api/v2/certs/inspect`; add CA
 * certificates, download or remove any of them.
 */
export function CertTable() {
  const env = useFormEnv();
  const input = useRef<HTMLInputElement>(null);
  const names = Object.keys(env.files)
    .filter((n) => CERT_FILE.test(n))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <div className="stack">
      {names.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="cert-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Subject and names</th>
                <th scope="col">Issuer</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {names.map((name) => (
                <CertRow key={name} name={name} info={env.certInfo[name]} onRemove={() => env.setFile(name, undefined)} content={env.files[name] ?? ''} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No certificate in the bundle yet.</p>
      )}
      <div className="row">
        <Button onClick={() => input.current?.click()}>
          <PlusIcon size={14} /> Add a CA certificate
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          multiple
          aria-label="Add CA certificates to extra_ca_certs/"
          data-testid="add-ca-input"
          accept=".crt,.pem,.cer"
          onChange={async (e) => {
            for (const f of Array.from(e.target.files ?? [])) env.setFile(caFileName(f.name), await fileToBase64(f));
            e.target.value = '';
          }}
        />
        <span className="muted">
          CAs in <code>extra_ca_certs/</code> are trusted by Quay for its outgoing TLS connections (LDAP, storage, OIDC, …).
        </span>
      </div>
    </div>
  );
}

function CertRow({ name, info, content, onRemove }: { name: string; info: CertificateInfo | undefined; content: string; onRemove(): void }) {
  const cert = info?.certificates[0];
  const keyOnly = Boolean(info?.hasPrivateKey && info.certificates.length === 0);
  const more = (info?.certificates.length ?? 0) - 1;
  return (
    <tr data-file={name}>
      <td className="mono">{name}</td>
      <td>
        {cert ? (
          <>
            <div>{cert.subject}</div>
            {cert.sans.length ? <div className="muted">{cert.sans.join(', ')}</div> : null}
            {more > 0 ? (
              <div className="muted">
                + {more} more certificate{more === 1 ? '' : 's'} in the file
              </div>
            ) : null}
          </>
        ) : info?.hasPrivateKey ? (
          <span className="muted">Private key</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>{cert ? cert.issuer : ''}</td>
      <td>{cert ? new Date(cert.notAfter).toLocaleDateString() : ''}</td>
      <td>
        <div className="row">
          {!info ? <Badge>…</Badge> : null}
          {info && !info.ok && !keyOnly ? (
            <Badge tone="error" title={info.error}>
              {info.error ?? 'unreadable'}
            </Badge>
          ) : null}
          {cert?.expired ? <Badge tone="error">Expired</Badge> : null}
          {cert && !cert.expired ? <Badge tone="ok">Valid</Badge> : null}
          {cert?.isCA ? <Badge tone="info">CA</Badge> : null}
          {info?.keyMatches === true ? <Badge tone="ok">Key matches</Badge> : null}
          {info?.keyMatches === false ? <Badge tone="error">Key does not match</Badge> : null}
          {keyOnly && !name.startsWith('extra_ca_cert') ? <Badge>Private key</Badge> : null}
          {info?.hasPrivateKey && name.startsWith('extra_ca_cert') ? <Badge tone="warning">Private key in CA folder</Badge> : null}
        </div>
      </td>
      <td>
        <div className="row row--nowrap">
          <Button size="sm" iconOnly variant="ghost" aria-label={`Download ${name}`} onClick={() => saveAs(new Blob([base64ToBytes(content)]), name.split('/').pop() ?? name)}>
            <DownloadIcon size={14} />
          </Button>
          <Button size="sm" iconOnly variant="ghost" aria-label={`Remove ${name}`} onClick={onRemove}>
            <TrashIcon size={14} />
          </Button>
        </div>
      </td>
    </tr>
  );
}
