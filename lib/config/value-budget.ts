/**
 * A bound on how many values a config may hold, checked on the raw text before parsing. Parsing and
 * validating cost about 2 KiB per YAML node: a 4 MiB config of a million one-character list items
 * took the server to 2 GB. A full Quay config has a few thousand values.
 */
export const MAX_CONFIG_VALUES = 50_000;

/**
 * An upper bound of the YAML nodes in a text: every node starts a line or follows a flow
 * separator (`,` `[` `{`) or a block indicator (`- `, `: `, `? `). Bytes are counted as they are,
 * so UTF-8 and UTF-16 texts count alike; aliases are bounded separately by the loader.
 */
export function yamlValueBound(input: string | Uint8Array, stopAt = Infinity): number {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const next = bytes[i + 1];
    const indicator = (c === 0x2d || c === 0x3a || c === 0x3f) && (next === 0x20 || next === 0x0a || next === undefined);
    if (c === 0x0a || c === 0x2c || c === 0x5b || c === 0x7b || indicator) {
      if (++count > stopAt) return count;
    }
  }
  return count;
}

/** The reason a config text is refused for its size in values, or null. */
export function tooManyValues(input: string | Uint8Array, name: string): string | null {
  if (yamlValueBound(input, MAX_CONFIG_VALUES) <= MAX_CONFIG_VALUES) return null;
  return `${name} holds more than ${MAX_CONFIG_VALUES} values (lines, list items or keys): a Quay config has a few thousand`;
}
