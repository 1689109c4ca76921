import { parseComponentList, type DeploymentRequest } from '../k8s/managed-components';
import { parseRelease, QUAY_RELEASES, type QuayRelease } from '../schema/releases';
import { FIELD_GROUP_IDS, isFieldGroupId, type FieldGroupId } from '../report/types';
import { UsageError } from './usage';

/** `--groups Database,Redis`: every name must be a field group (design.md §3). */
export function parseGroups(text: string): FieldGroupId[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !isFieldGroupId(n));
  if (bad.length || names.length === 0) {
    throw new UsageError(`unknown field group(s): ${bad.join(', ') || '(none given)'}; known: ${FIELD_GROUP_IDS.join(', ')}`);
  }
  return names as FieldGroupId[];
}

/** `--timeout-ms N`, per probe. */
export function parseTimeout(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 100 || n > 600_000) throw new UsageError('--timeout-ms must be an integer from 100 to 600000');
  return n;
}

/** Exactly `count` positional arguments, or a usage error naming what was expected. */
export function expectPositionals(positionals: string[], count: number, what: string): string[] {
  if (positionals.length !== count) {
    const extra =
      positionals.length > count
        ? `: unexpected ${positionals
            .slice(count)
            .map((p) => JSON.stringify(p))
            .join(' ')}`
        : '';
    throw new UsageError(`${what}${extra}`);
  }
  return positionals;
}

/** `--quay-version 3.9` (also `3.9.2`, `v3.9`, `head`). */
export function parseQuayVersion(text: string): QuayRelease {
  const release = parseRelease(text);
  if (!release) throw new UsageError(`unknown Quay release "${text}": --quay-version takes one of ${QUAY_RELEASES.join(', ')}`);
  return release;
}

/** `--operator` (the operator's defaults) or `--managed postgres,redis`; never both. */
export function parseDeployment(operator: boolean, managed: string | undefined): DeploymentRequest | undefined {
  if (operator && managed !== undefined) throw new UsageError('give --operator (all components managed) or --managed LIST, not both');
  if (operator) return 'operator';
  if (managed === undefined) return undefined;
  const parsed = parseComponentList(managed);
  if (!parsed.ok) throw new UsageError(`--managed: ${parsed.error}`);
  return parsed.kinds;
}
