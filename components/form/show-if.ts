import { isObject, truthy } from '@/lib/config/values';

/** ui.json's condition: another key (a dotted path for nested fields) equals, is in, is (not) truthy, or all of these. */
export type ShowIf = { key: string; equals?: unknown; in?: unknown[]; truthy?: boolean } | { all: ShowIf[] };

/** The value at a dotted key path (`LOGS_MODEL_CONFIG.producer`). */
function valueAt(values: Readonly<Record<string, unknown>>, path: string): unknown {
  let node: unknown = values;
  for (const segment of path.split('.')) node = isObject(node) ? node[segment] : undefined;
  return node;
}

/** Whether a field applies to the config as it stands (ui.json `showIf`): LDAP fields for LDAP, … */
export function shows(condition: ShowIf | undefined, values: Readonly<Record<string, unknown>>): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => shows(c, values));
  const v = valueAt(values, condition.key);
  if (condition.equals !== undefined && v !== condition.equals) return false;
  if (condition.in !== undefined && !condition.in.includes(v)) return false;
  // Quay reads flags with Python truthiness, and so do we.
  if (condition.truthy !== undefined && truthy(v) !== condition.truthy) return false;
  return true;
}

/** The keys a condition reads, so a section can watch just those. */
export function showIfKeys(condition: ShowIf | undefined, out: Set<string> = new Set()): Set<string> {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => showIfKeys(c, out));
  else out.add(condition.key);
  return out;
}
