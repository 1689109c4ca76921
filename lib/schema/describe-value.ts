/** The JSON type of a value as users see it in YAML: string, number, boolean, null, array, object. */
export function jsonTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** `an object`, `a string`, `null`: the type name with its article, for messages. */
export function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `a string or null`, `an integer or a string`. */
export function describeTypes(types: readonly string[]): string {
  const named = types.map(withArticle);
  if (named.length <= 1) return named[0] ?? 'a value';
  return `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

const MAX_ECHO = 80;

/**
 * A short, quoted rendering of a scalar for messages (`"587"`, `12`, `true`); undefined for objects
 * and arrays, which are never echoed. Long strings are cut so a message stays one line.
 */
export function echoScalar(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const cut = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `http, https` for an enum of strings; other values as JSON. */
export function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : safeJson(v))).join(', ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
