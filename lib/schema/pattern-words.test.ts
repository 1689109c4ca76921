import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgainstSchema } from './check';
import { DESCRIBED_PATTERNS, describePattern } from './pattern-words';

/** Every `pattern` keyword's value in the schema (not the keys of `patternProperties`). */
function patternsOf(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) patternsOf(item, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') out.add(v);
      else patternsOf(v, out);
    }
  }
  return out;
}

describe('pattern checks say what is allowed, in words', () => {
  it('has words, with an example, for every pattern of the schema', () => {
    const schema: unknown = JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8'));
    const missing = [...patternsOf(schema)].filter((p) => !DESCRIBED_PATTERNS.includes(p));
    expect(missing).toEqual([]);
    for (const p of DESCRIBED_PATTERNS) expect(describePattern(p)).toMatch(/, e\.g\. \S/);
  });

  it('never shows the regular expression in a finding', () => {
    const violations = checkAgainstSchema({ DEFAULT_TAG_EXPIRATION: 'two weeks', SECURITY_SCANNER_V4_ENDPOINT: 'clair:8081', MAXIMUM_LAYER_SIZE: '20GB', PROGRAMMATIC_TOKEN_K8S_NAMESPACE: 'Quay_NS' });
    expect(violations.map((v) => v.keyword)).toEqual(['pattern', 'pattern', 'pattern', 'pattern']);
    for (const v of violations) {
      expect(v.message).not.toMatch(/[\^$]|\[[^\]]*\]|\(\?/);
      expect(v.message).toMatch(/e\.g\. /);
    }
    expect(violations.find((v) => v.key === 'DEFAULT_TAG_EXPIRATION')?.message).toBe(
      'DEFAULT_TAG_EXPIRATION must be a whole number and one unit letter (s, m, h, d or w), e.g. 2w or 30m (got "two weeks")',
    );
  });

  it('falls back to a sentence with the schema example for a pattern it does not know', () => {
    expect(describePattern('^[x]+$', 'xx')).toBe('in the format Quay expects for this key, e.g. xx');
    expect(describePattern('^[x]+$')).not.toContain('^');
  });
});
