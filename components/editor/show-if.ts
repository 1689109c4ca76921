import { truthy } from '@/lib/config/values';
import type { ModelShowIf } from './form-model';

/** Whether a field applies to the config as it stands (ui.json `showIf`): LDAP fields for LDAP, … */
export function shows(condition: ModelShowIf | undefined, values: Readonly<Record<string, unknown>>): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => shows(c, values));
  const v = values[condition.key];
  if (condition.equals !== undefined && v !== condition.equals) return false;
  if (condition.in !== undefined && !condition.in.includes(v)) return false;
  // Quay reads flags with Python truthiness, and so do we.
  if (condition.truthy !== undefined && truthy(v) !== condition.truthy) return false;
  return true;
}

/** The keys a condition reads, so a section can watch just those. */
export function showIfKeys(condition: ModelShowIf | undefined, out: Set<string> = new Set()): Set<string> {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => showIfKeys(c, out));
  else out.add(condition.key);
  return out;
}
