import type { ValidationMode, ValidationReport } from '../validation/types';

/** quay/config-tool's validation error shape (`POST /api/v1/config/validate`). */
export interface ConfigToolError {
  FieldGroup: string;
  Tags: string[];
  Message: string;
}

/** config-tool's answer: the error findings only; `[]` means valid (its UI relies on that). */
export function toConfigToolErrors(report: ValidationReport): ConfigToolError[] {
  return report.groups.flatMap((g) =>
    g.findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ FieldGroup: g.group, Tags: f.fields, Message: f.message })),
  );
}

/** config-tool's `?mode=`: online (default), setup (its UI's first-run mode) and offline; `testing` mocked services, we run offline. */
export function configToolMode(mode: string | null): ValidationMode {
  return mode === 'offline' || mode === 'testing' ? 'offline' : 'online';
}
