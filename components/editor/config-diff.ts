/**
 * What changed against the uploaded bundle, key path by key path. Secret values never appear:
 * secrets are reported as changed or not, and a DB_URI is shown with its password masked.
 */
import { isObject } from '@/lib/config/values';
import { isSecretKeyName } from '@/lib/config/redact';
import { maskDbUri, parseDbUri } from '@/components/form/db-uri';
import type { ConfigObject, Files } from './editor-types';

/** One changed key path; `before`/`after` are absent for secrets. */
export interface DiffEntry {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  secret: boolean;
  before?: string;
  after?: string;
}

const MAX_DEPTH = 3;

function show(path: string, value: unknown): string {
  if (value === undefined) return '';
  if (path === 'DB_URI' && typeof value === 'string') return maskDbUri(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function secretPath(path: string): boolean {
  return path
    .split(/[.[\]]/)
    .filter(Boolean)
    .some(isSecretKeyName);
}

/** Leaf-level differences between two configs (objects compared down to a few levels). */
export function diffConfig(before: ConfigObject, after: ConfigObject): DiffEntry[] {
  const out: DiffEntry[] = [];
  const walk = (a: unknown, b: unknown, path: string, depth: number) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (isObject(a) && isObject(b) && depth < MAX_DEPTH) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k, depth + 1);
      return;
    }
    const secret = secretPath(path);
    const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    const entry: DiffEntry = { path, kind, secret };
    if (!secret) {
      entry.before = show(path, a);
      entry.after = show(path, b);
      if (path === 'DB_URI' && typeof a === 'string' && typeof b === 'string' && parseDbUri(a)?.password !== parseDbUri(b)?.password) {
        entry.after += ' (password changed)';
      }
    }
    out.push(entry);
  };
  walk(before, after, '', 0);
  return out;
}

/** Files added, removed or replaced. */
export function diffFiles(before: Files, after: Files): { name: string; kind: DiffEntry['kind'] }[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name) => {
    if (before[name] === after[name]) return [];
    const kind = before[name] === undefined ? 'added' : after[name] === undefined ? 'removed' : 'changed';
    return [{ name, kind }];
  });
}

/** Secret keys of an uploaded bundle that the current config changes (they must be confirmed). */
export const PINNED_KEYS = ['SECRET_KEY', 'DATABASE_SECRET_KEY'] as const;

/** The pinned keys whose value differs from the uploaded bundle's. */
export function changedPinnedKeys(original: ConfigObject | undefined, current: ConfigObject): string[] {
  if (!original) return [];
  return PINNED_KEYS.filter((k) => original[k] !== undefined && original[k] !== current[k]);
}
