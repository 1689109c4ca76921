'use client';

import { useFormContext } from 'react-hook-form';
import type { PskResponse } from '@/lib/api/contract';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { KeyIcon, ShieldIcon } from '@/components/ui/icons';
import { apiJson, describeError } from './api-client';
import { useEditorActions } from './editor-actions';
import type { ConfigObject } from './editor-types';
import { CertTable } from './keys/cert-table';
import { RedisSameToggle } from './redis-same-toggle';
import { useFormEnv } from '@/components/form/form-env';

/** Helpers that belong to a section but are not fields: the certificate table, the scanner keys. */
export function SectionExtras({ sectionId }: { sectionId: string; onNavigate(section: string): void }) {
  const actions = useEditorActions();
  const { setValue } = useFormContext<ConfigObject>();
  const notify = useToast();
  const env = useFormEnv();
  if (sectionId === 'server-tls') {
    return (
      <div className="card helper">
        <div className="helper__head">
          <ShieldIcon size={18} />
          <h2 className="grow">Certificates in the bundle</h2>
          <Button size="sm" onClick={() => actions.openKeys('tls')}>
            Generate a self-signed certificate…
          </Button>
        </div>
        <CertTable />
      </div>
    );
  }
  if (sectionId === 'redis') return <RedisSameToggle readOnly={env.isReadOnly('USER_EVENTS_REDIS')} />;
  if (sectionId === 'security-scanner') {
    return (
      <div className="card helper helper--row">
        <KeyIcon size={18} />
        <p className="grow">Quay and Clair share a pre-shared key. Generate it here, then copy the matching Clair configuration.</p>
        <Button
          size="sm"
          onClick={async () => {
            try {
              const { psk } = await apiJson<PskResponse>('/api/v2/keys/psk', {});
              setValue('SECURITY_SCANNER_V4_PSK', psk, { shouldDirty: true });
              notify('success', 'A new PSK was set in SECURITY_SCANNER_V4_PSK.');
            } catch (e) {
              notify('error', describeError(e));
            }
          }}
        >
          Generate PSK
        </Button>
        <Button size="sm" variant="ghost" onClick={() => actions.openKeys('clair')}>
          Clair config…
        </Button>
      </div>
    );
  }
  return null;
}
