'use client';

import { useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import type { ConfigObject } from './editor-types';

const AUTH: Record<string, { type: string; label: string }> = {
  ldap: { type: 'LDAP', label: 'LDAP' },
  keystone: { type: 'Keystone', label: 'Keystone' },
  jwt: { type: 'JWT', label: 'JWT' },
};

/** What a section with no applicable field says, with the switch that would make it apply. */
export function SectionEmpty({ sectionId, onNavigate }: { sectionId: string; onNavigate(section: string): void }) {
  const { setValue } = useFormContext<ConfigObject>();
  const auth = AUTH[sectionId];
  return (
    <div className="card empty-state">
      {auth ? (
        <>
          <p>
            These settings apply when the authentication type is <strong>{auth.label}</strong>.
          </p>
          <div className="row">
            <Button variant="primary" onClick={() => setValue('AUTHENTICATION_TYPE', auth.type, { shouldDirty: true })}>
              Use {auth.label} authentication
            </Button>
            <Button variant="ghost" onClick={() => onNavigate('authentication')}>
              Go to Authentication
            </Button>
          </div>
        </>
      ) : (
        <p className="muted">Nothing to configure here with the current settings.</p>
      )}
    </div>
  );
}
