'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

/**
 * Where the configuration stands before it leaves the editor (download, operator): validating,
 * errors (a warning, not a block: `children` says what they mean for this action), not validated
 * against the services yet, or validated.
 */
export function ValidationStatus({
  errors,
  validated,
  running = false,
  required,
  onValidateAll,
  children,
}: {
  errors: number;
  validated: boolean;
  running?: boolean;
  /** Title that says a validation is required first (the action waits for one). */
  required?: string;
  onValidateAll(): void;
  children: ReactNode;
}) {
  const validate = (
    <Button size="sm" onClick={onValidateAll}>
      Validate all
    </Button>
  );
  if (running) {
    return (
      <Alert tone="info" title="Validating against your services…">
        <Spinner label="The result appears here when every check has finished." />
      </Alert>
    );
  }
  if (errors) {
    return (
      <Alert tone="warning" title={`This configuration has ${errors} error${errors === 1 ? '' : 's'}`} actions={validated ? undefined : validate}>
        {children}
      </Alert>
    );
  }
  if (!validated) {
    return (
      <Alert tone="info" title={required ?? 'Not validated against your services yet'} actions={validate}>
        Validation connects to the database, Redis, storage and the other services this configuration uses.
      </Alert>
    );
  }
  return (
    <Alert tone="success" title="Validated">
      Every check passed.
    </Alert>
  );
}
