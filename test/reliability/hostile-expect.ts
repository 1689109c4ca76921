import { expect } from 'vitest';
import type { Readable } from '../fixtures/hostile';
import { REPO_ROOT } from '../harness/app-server';
import type { Finding, ValidationReport } from '../../lib/report/types';

/**
 * Assertions shared by the CLI and API halves of the hostile suite, so that both channels are held
 * to exactly the same expectation for each case.
 */

/** Largest report a hostile case may produce: a huge value must not be echoed back whole. */
export const MAX_REPORT_BYTES = 1024 * 1024;

/** True when `field` is `want` or a path below it (`want.x`, `want[0]`), or starts with a prefix ending in `_`/`.`. */
export function fieldMatches(field: string, want: string): boolean {
  if (want.endsWith('_') || want.endsWith('.')) return field.startsWith(want);
  return field === want || field.startsWith(`${want}.`) || field.startsWith(`${want}[`);
}

export function allFindings(report: ValidationReport): Finding[] {
  return report.groups.flatMap((g) => g.findings);
}

/** The report of a readable hostile config: well-formed, no crash inside a group, the problem on the right key. */
export function expectReadableReport(report: ValidationReport, want: Readable): void {
  expect(Array.isArray(report.groups)).toBe(true);
  const findings = allFindings(report);
  const crashes = findings.filter((f) => f.code === 'internal-error').map((f) => f.message);
  expect(crashes, 'a field group threw (internal-error)').toEqual([]);
  expect(report.valid).toBe(!findings.some((f) => f.severity === 'error'));
  expect(JSON.stringify(report).length).toBeLessThan(MAX_REPORT_BYTES);
  const severity = want.severity ?? 'error';
  const match = findings.filter(
    (f) => f.severity === severity && (want.field === undefined || f.fields.some((k) => fieldMatches(k, want.field ?? ''))) && (want.says === undefined || f.message.includes(want.says)),
  );
  const shown = findings.map((f) => `${f.severity} [${f.fields.join(', ')}] ${f.code}: ${f.message.slice(0, 160)}`);
  expect(match.length, `no ${severity} finding on ${want.field ?? '(any key)'}${want.says ? ` saying "${want.says}"` : ''} among:\n${shown.join('\n')}`).toBeGreaterThan(0);
}

/** An `{"error": "..."}` body: JSON, names the problem, and shows no stack trace or server path. */
export function expectErrorBody(text: string, says: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`error body is not JSON: ${text.slice(0, 300)}`);
  }
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : undefined;
  expect(typeof error, `no "error" string in ${text.slice(0, 300)}`).toBe('string');
  expect(error as string).toContain(says);
  expectNoInternals(text);
  return error as string;
}

/** No stack frames, source paths or module names in what a client or user is shown. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(text).not.toMatch(/node_modules|\.tsx?:\d+/);
  expect(text).not.toContain(`${REPO_ROOT}/`);
}
