/**
 * Distinguished names (RFC 4514), checked loosely: the mistakes that make a bind or a search fail
 * (a component without `=`, an empty component, a bad attribute type, a broken escape), while
 * accepting what OpenLDAP accepts in practice (blanks after commas, quoted values, `#` hex values).
 */

const ATTRIBUTE_TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)+)$/;

/** Splits on unescaped, unquoted separators. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      current += c + (text[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (c === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function valueProblem(value: string): string | undefined {
  if (value.startsWith('#')) return /^#(?:[0-9A-Fa-f]{2})+$/.test(value) ? undefined : 'a "#" value must be hex pairs';
  if (value.startsWith('"')) return value.length >= 2 && value.endsWith('"') ? undefined : 'an unterminated quoted value';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\\') continue;
    const next = value.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(next)) i += 2;
    else if (next[0] !== undefined && ' "#+,;<=>\\'.includes(next[0])) i += 1;
    else return 'a "\\" that escapes nothing';
  }
  return undefined;
}

/** Why `dn` is not a usable DN, or undefined when it is one. An empty string is the root DN (valid). */
export function dnSyntaxError(dn: string): string | undefined {
  if (dn.trim() === '') return undefined;
  for (const rdn of splitUnescaped(dn, ',')) {
    if (rdn.trim() === '') return 'it has an empty component (two commas in a row, or a comma at either end)';
    for (const ava of splitUnescaped(rdn, '+')) {
      const eq = ava.indexOf('=');
      if (eq < 0) return `"${ava.trim()}" has no "=" (each component is attribute=value, e.g. ou=people)`;
      const type = ava.slice(0, eq).trim();
      if (!ATTRIBUTE_TYPE.test(type)) return `"${type}" is not a valid attribute type`;
      const value = ava.slice(eq + 1).trim();
      if (value === '') return `"${type}=" has an empty value`;
      const problem = valueProblem(value);
      if (problem) return `"${ava.trim()}" has ${problem}`;
    }
  }
  return undefined;
}

/**
 * The DNs Quay searches for users (LDAPUsers.__init__): `LDAP_USER_RDN` pieces joined with commas,
 * then each secondary RDN, every one followed by the `LDAP_BASE_DN` pieces.
 */
export function userSearchDns(baseDn: readonly string[], userRdn: readonly string[], secondary: readonly string[]): string[] {
  const relative = [userRdn.join(','), ...secondary];
  return relative.map((r) => [...(r ? r.split(',') : []), ...baseDn].join(','));
}
