/**
 * What the schema's `pattern`s allow, in words, each with an example: a person fixing a value
 * needs "a number and a unit (e.g. 2w)", not `^[0-9]+(w|m|d|h|s)$`. Keyed by the pattern text as
 * it stands in `schema/config.schema.json`; `x-expect` on a schema node takes precedence.
 */
const WORDS: Record<string, string> = {
  '^[0-9]+(w|m|d|h|s)$': 'a whole number and one unit letter (s, m, h, d or w), e.g. 2w or 30m',
  '^[0-9]+(G|M)$': 'a whole number followed by M or G, e.g. 20G',
  '^http(s)?://(.)+$': 'a URL starting with http:// or https://, e.g. https://host.example.com',
  '^[0-9]+$': 'a whole number, digits only, e.g. 443',
  '^/[^\\x00]*$': 'an absolute path, starting with /, e.g. /var/run/secrets/quay/token',
  '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$':
    'a Kubernetes object name: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, e.g. quay-bootstrap-token',
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$': 'a Kubernetes namespace: lower-case letters, digits and "-", starting and ending with a letter or digit, e.g. quay-enterprise',
  '^[A-Za-z0-9._-]+$': 'letters, digits, ".", "_" and "-" only, no spaces, e.g. token',
  '^mailto:(.)+$': 'a mailto: link, e.g. mailto:admin@example.com',
  '^irc://(.)+$': 'an irc:// link, e.g. irc://irc.libera.chat/quay',
  '^tel:(.)+$': 'a tel: link, e.g. tel:+1-555-0100',
};

/**
 * What a value matching `pattern` looks like, in words with an example; for a pattern not listed
 * above, a plain sentence with the schema's example when it has one. Never the pattern itself.
 */
export function describePattern(pattern: string, example?: unknown): string {
  const words = WORDS[pattern];
  if (words) return words;
  const sample = typeof example === 'string' || typeof example === 'number' ? `, e.g. ${String(example)}` : '';
  return `in the format Quay expects for this key${sample}`;
}

/** Every pattern with words (tests check that the schema has no other). */
export const DESCRIBED_PATTERNS: readonly string[] = Object.keys(WORDS);
