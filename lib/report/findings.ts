import type { Finding, Severity, Stage } from './types';

interface FindingOptions {
  code?: string;
  hint?: string;
  stage?: Stage;
}

function make(severity: Severity, fields: string | string[], message: string, opts: FindingOptions): Finding {
  const finding: Finding = {
    severity,
    fields: Array.isArray(fields) ? fields : [fields],
    stage: opts.stage ?? 'config',
    code: opts.code ?? 'invalid',
    message,
  };
  if (opts.hint) finding.hint = opts.hint;
  return finding;
}

/** A finding that makes the config invalid. */
export function error(fields: string | string[], message: string, opts: FindingOptions = {}): Finding {
  return make('error', fields, message, opts);
}

/** A finding worth showing that does not make the config invalid. */
export function warning(fields: string | string[], message: string, opts: FindingOptions = {}): Finding {
  return make('warning', fields, message, opts);
}

/** `"<KEY> is required"`, the most common finding. */
export function required(field: string, why?: string): Finding {
  return error(field, why ? `${field} is required ${why}` : `${field} is required`, { code: 'required' });
}
