/**
 * LDAP search filters (RFC 4515) as Quay builds them (data/users/externalldap.py). ldapts's own
 * parser is lenient (it accepts `(&(uid=*)` with a missing parenthesis), so the syntax check is a
 * small strict parser; it allows what libldap, which Quay uses through python-ldap, also allows:
 * blanks between filters and RFC 1960 escapes such as `\*`.
 */

const ATTRIBUTE = /^(?:[A-Za-z][A-Za-z0-9_-]*|[0-9]+(?:\.[0-9]+)+)(?:;[A-Za-z0-9-]+)*$/;
const MATCHING_RULE = /^(?:[A-Za-z][A-Za-z0-9_-]*|[0-9]+(?:\.[0-9]+)+)$/;

class FilterSyntaxError extends Error {}

class FilterReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  /** Parses the whole text as one or more filters in a row; throws FilterSyntaxError. */
  parseList(): void {
    this.blanks();
    do {
      this.filter();
      this.blanks();
    } while (this.text[this.pos] === '(');
    if (this.pos < this.text.length) this.fail('text after the closing parenthesis');
  }

  private filter(): void {
    this.expect('(');
    this.blanks();
    const c = this.text[this.pos];
    if (c === '&' || c === '|') {
      this.pos++;
      this.blanks();
      let count = 0;
      while (this.text[this.pos] === '(') {
        this.filter();
        this.blanks();
        count++;
      }
      if (count === 0) this.fail(`"${c}" needs at least one filter in parentheses`);
    } else if (c === '!') {
      this.pos++;
      this.blanks();
      this.filter();
      this.blanks();
    } else {
      this.item();
    }
    this.expect(')');
  }

  private item(): void {
    const start = this.pos;
    while (this.pos < this.text.length && !'=~<>:()'.includes(this.text[this.pos] ?? '')) this.pos++;
    const attr = this.text.slice(start, this.pos).trim();
    if (this.text[this.pos] === ':') return this.extensible(attr);
    if (attr === '') this.fail('an attribute name is missing');
    if (!ATTRIBUTE.test(attr)) this.fail(`"${attr}" is not a valid attribute name`);
    const op = this.text[this.pos];
    if (op === '~' || op === '<' || op === '>') {
      this.pos++;
      if (this.text[this.pos] !== '=') this.fail(`"${op}" must be followed by "="`);
      this.pos++;
      this.value(false);
    } else if (op === '=') {
      this.pos++;
      this.value(true);
    } else {
      this.fail(`"${attr}" must be followed by "=", "~=", ">=" or "<="`);
    }
  }

  private extensible(attr: string): void {
    if (attr !== '' && !ATTRIBUTE.test(attr)) this.fail(`"${attr}" is not a valid attribute name`);
    let rule = '';
    if (this.text.slice(this.pos, this.pos + 3).toLowerCase() === ':dn') this.pos += 3;
    if (this.text[this.pos] === ':' && this.text[this.pos + 1] !== '=') {
      const start = ++this.pos;
      while (this.pos < this.text.length && this.text[this.pos] !== ':' && this.text[this.pos] !== ')') this.pos++;
      rule = this.text.slice(start, this.pos);
      if (!MATCHING_RULE.test(rule)) this.fail(`"${rule}" is not a valid matching rule`);
    }
    if (this.text.slice(this.pos, this.pos + 2) !== ':=') this.fail('an extensible match needs ":="');
    if (attr === '' && rule === '') this.fail('an extensible match needs an attribute or a matching rule');
    this.pos += 2;
    this.value(false);
  }

  /** An assertion value up to the closing parenthesis; `*` is allowed only in equality (substring) filters. */
  private value(allowStar: boolean): void {
    while (this.pos < this.text.length && this.text[this.pos] !== ')') {
      const c = this.text[this.pos] ?? '';
      if (c === '(') this.fail('unescaped "(" in a value (write \\28)');
      if (c === '\0') this.fail('NUL character in a value');
      if (c === '*' && !allowStar) this.fail('"*" is only allowed after "=" (write \\2a for a literal star)');
      if (c === '\\') {
        const next = this.text.slice(this.pos + 1, this.pos + 3);
        if (/^[0-9A-Fa-f]{2}$/.test(next)) this.pos += 2;
        else if (next[0] !== undefined && '()*\\'.includes(next[0])) this.pos += 1;
        else this.fail('"\\" must be followed by two hex digits');
      }
      this.pos++;
    }
  }

  private expect(c: string): void {
    if (this.text[this.pos] !== c) this.fail(this.pos >= this.text.length ? `missing "${c}" at the end` : `expected "${c}"`);
    this.pos++;
  }

  private blanks(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private fail(what: string): never {
    throw new FilterSyntaxError(`${what} (at character ${Math.min(this.pos + 1, this.text.length)})`);
  }
}

/**
 * Why `filter` is not valid where Quay uses it, or undefined when it is. Quay always ANDs the
 * configured filter with its own (`(&(uid=…)<filter>)`), so a row of filters such as
 * `(objectClass=person)(mail=*)` is valid too.
 */
export function filterSyntaxError(filter: string): string | undefined {
  if (filter.trim() === '') return 'the filter is empty';
  try {
    new FilterReader(filter).parseList();
    return undefined;
  } catch (e) {
    if (e instanceof FilterSyntaxError) return e.message;
    return String(e);
  }
}

/**
 * Quay's `_add_filter`: a filter that does not start with `(` and end with `)` is wrapped in
 * parentheses before it is combined, so `memberOf=cn=quay,dc=example,dc=org` works at run time.
 */
export function wrapLikeQuay(filter: string): string {
  return filter.startsWith('(') && filter.endsWith(')') ? filter : `(${filter})`;
}

/** `(&a b …)` of already parenthesised filters, or the single filter. */
export function andFilters(filters: readonly string[]): string {
  return filters.length === 1 ? (filters[0] ?? '') : `(&${filters.join('')})`;
}

/** Escapes a value for use inside a filter (RFC 4515 §3), as python-ldap's `escape_filter_chars`. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
