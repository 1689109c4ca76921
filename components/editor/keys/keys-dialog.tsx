'use client';

import { Dialog } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import type { KeysTab } from '../editor-actions';
import { CertTable } from './cert-table';
import { ClairPanel } from './clair-panel';
import { PskPanel } from './psk-panel';
import { ServiceKeyPanel } from './service-key-panel';
import { TlsPanel } from './tls-panel';

const TABS: { id: KeysTab; label: string }[] = [
  { id: 'psk', label: 'Clair PSK' },
  { id: 'service-key', label: 'Scanner service key' },
  { id: 'tls', label: 'TLS certificate' },
  { id: 'certificates', label: 'Certificates' },
  { id: 'clair', label: 'Clair config' },
];

/** Keys and certificates: generate the PSK, a service key, a self-signed certificate; inspect certificates. */
export function KeysDialog({ open, tab, onTab, onClose }: { open: boolean; tab: KeysTab; onTab(t: KeysTab): void; onClose(): void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keys and certificates" wide footer={<Button onClick={onClose}>Close</Button>}>
      <div className="tabs" role="tablist" aria-label="Key and certificate tools">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`keys-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`keys-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => onTab(t.id)}
            onKeyDown={(e) => {
              const i = TABS.findIndex((x) => x.id === tab);
              const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (d) {
                const next = TABS[(i + d + TABS.length) % TABS.length];
                if (next) {
                  onTab(next.id);
                  document.getElementById(`keys-tab-${next.id}`)?.focus();
                }
              }
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`keys-panel-${tab}`} aria-labelledby={`keys-tab-${tab}`} className="keys-panel">
        {tab === 'psk' ? <PskPanel /> : null}
        {tab === 'service-key' ? <ServiceKeyPanel /> : null}
        {tab === 'tls' ? <TlsPanel /> : null}
        {tab === 'certificates' ? <CertTable /> : null}
        {tab === 'clair' ? <ClairPanel /> : null}
      </div>
    </Dialog>
  );
}
