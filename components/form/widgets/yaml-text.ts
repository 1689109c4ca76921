/**
 * YAML text for free-form values, with the `yaml` package loaded on first use (it is not needed
 * for the first paint of the editor). JSON is valid YAML, so both are accepted.
 */
type YamlModule = typeof import('yaml');

/** Strings YAML reads back as the same string when written without quotes. */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

let loading: Promise<YamlModule> | null = null;

/** The `yaml` module, imported once on first use. */
export function loadYaml(): Promise<YamlModule> {
  loading ??= import('yaml');
  return loading;
}

/** A value as YAML text (block style), or JSON until the YAML module is loaded. */
export function toYamlText(value: unknown, yaml: YamlModule | null): string {
  if (value === undefined) return '';
  // A plain word stays a plain word (no quotes) even before the YAML module has loaded.
  if (typeof value === 'string' && PLAIN.test(value) && !RESERVED.test(value)) return value;
  if (!yaml) return JSON.stringify(value, null, 2) ?? '';
  return yaml.stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** Parses YAML/JSON text: `{ok: true, value}` (undefined for empty text) or the parser's message. */
export async function parseYamlText(text: string): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const yaml = await loadYaml();
  try {
    // maxAliasCount guards against alias bombs pasted into the editor.
    return { ok: true, value: yaml.parse(text, { maxAliasCount: 100, prettyErrors: true }) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? (e.message.split('\n')[0] ?? 'invalid YAML') : 'invalid YAML' };
  }
}
