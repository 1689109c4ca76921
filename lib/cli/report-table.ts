import type { ValidationReport } from '../report/types';

const MARK = { ok: 'ok     ', warning: 'warning', error: 'ERROR  ', skipped: 'skipped' } as const;

/** The human-readable form of a report: one line per group, then its findings indented. */
export function formatReportTable(report: ValidationReport, showSkipped = false): string {
  const lines: string[] = [];
  const width = Math.max(...report.groups.map((g) => g.group.length));
  for (const g of report.groups) {
    if (g.status === 'skipped' && !showSkipped) continue;
    const extra = g.status === 'skipped' ? `  (${g.skippedReason ?? 'skipped'})` : `  ${g.durationMs} ms`;
    lines.push(`${g.group.padEnd(width)}  ${MARK[g.status]}${extra}`);
    for (const f of g.findings) {
      const where = f.fields.join(', ');
      const stage = f.stage !== 'config' ? ` [${f.stage}]` : '';
      const label = where || stage ? ` ${where}${stage}:` : '';
      lines.push(`    ${f.severity === 'error' ? 'error  ' : 'warning'}${label} ${f.message}`);
      if (f.hint) lines.push(`            hint: ${f.hint}`);
    }
  }
  const errors = report.groups.flatMap((g) => g.findings).filter((f) => f.severity === 'error').length;
  const warnings = report.groups.flatMap((g) => g.findings).filter((f) => f.severity === 'warning').length;
  const skipped = report.groups.filter((g) => g.status === 'skipped').length;
  lines.push('');
  lines.push(`${report.valid ? 'VALID' : 'INVALID'}: ${errors} error(s), ${warnings} warning(s), ${skipped} group(s) skipped, ${report.mode} mode, ${report.durationMs} ms`);
  return lines.join('\n');
}
