import { describe, expect, it } from 'vitest';
import { checkHttpUrl, isAbsolutePath, isHttpUrl, optionalStringList, requireString } from './value-checks';

describe('value checks', () => {
  it.each([
    ['https://example.com', true],
    ['http://10.0.0.1:8080/x', true],
    [' https://example.com/ ', true],
    ['ftp://example.com', false],
    ['example.com', false],
    ['https://', false],
    ['', false],
  ])('isHttpUrl(%j) = %s', (v, ok) => {
    expect(isHttpUrl(v)).toBe(ok);
  });

  it.each([
    ['/static/img/logo.svg', true],
    ['//cdn.example.com/x', false],
    ['static/x', false],
    ['/a b', false],
  ])('isAbsolutePath(%j) = %s', (v, ok) => {
    expect(isAbsolutePath(v)).toBe(ok);
  });

  it('requireString: missing, null and blank are required; wrong types only when asked', () => {
    expect(requireString({}, 'A', 'X.A').map((f) => f.code)).toEqual(['required']);
    expect(requireString({ A: null }, 'A', 'X.A').map((f) => f.code)).toEqual(['required']);
    expect(requireString({ A: '  ' }, 'A', 'X.A').map((f) => f.code)).toEqual(['required']);
    expect(requireString({ A: 1 }, 'A', 'X.A')).toEqual([]);
    expect(requireString({ A: 1 }, 'A', 'X.A', { reportType: true }).map((f) => f.code)).toEqual(['invalid-type']);
    expect(requireString('not an object', 'A', 'X.A').map((f) => f.fields)).toEqual([['X.A']]);
  });

  it('checkHttpUrl: optional unless required, empty is always a finding', () => {
    expect(checkHttpUrl({}, 'U', 'U')).toEqual([]);
    expect(checkHttpUrl({}, 'U', 'U', { required: true }).map((f) => f.code)).toEqual(['required']);
    expect(checkHttpUrl({ U: '' }, 'U', 'U').map((f) => f.code)).toEqual(['invalid-url']);
    expect(checkHttpUrl({ U: 'https://x' }, 'U', 'U')).toEqual([]);
  });

  it('optionalStringList points at the bad item', () => {
    expect(optionalStringList({ L: ['a', {}] }, 'L', 'K.L').map((f) => f.fields)).toEqual([['K.L[1]']]);
    expect(optionalStringList({ L: [] }, 'L', 'K.L', true).map((f) => f.code)).toEqual(['invalid-value']);
  });
});
