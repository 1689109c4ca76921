import { FIELD_GROUP_IDS, isFieldGroupId, type FieldGroupId } from '../validation/types';
import { UsageError } from './usage';

/** `--groups Database,Redis`: every name must be a field group (design.md §3). */
export function parseGroups(text: string): FieldGroupId[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
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
    const extra = positionals.length > count ? `: unexpected ${positionals.slice(count).map((p) => JSON.stringify(p)).join(' ')}` : '';
    throw new UsageError(`${what}${extra}`);
  }
  return positionals;
}
