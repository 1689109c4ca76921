import { error } from '../report/findings';
import type { Finding } from '../report/types';

/** Quay user names (util/validation.py VALID_USERNAME_REGEX, 2–255 characters). */
const USERNAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/**
 * Each SUPER_USERS entry is a valid Quay user name (types and duplicates are the schema's). Pure,
 * so the wizard also runs it as you type.
 */
export function superUserFindings(list: unknown): Finding[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((name, i): Finding[] => {
    const path = `SUPER_USERS[${i}]`;
    if (typeof name !== 'string' || (USERNAME.test(name) && name.length >= 2 && name.length <= 255)) return [];
    const lower = name.toLowerCase();
    // The example is the corrected name when lower-casing is all it takes.
    const example = lower !== name && USERNAME.test(lower) && lower.length >= 2 ? `"${lower}"` : 'admin or jane.doe';
    const hint = `use lower-case letters and digits, optionally joined by single ".", "_" or "-", 2 to 255 characters, e.g. ${example}`;
    return [error(path, `${path} "${name}" is not a valid Quay user name`, { code: 'superuser-invalid-name', hint })];
  });
}
