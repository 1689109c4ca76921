import { describe, expect, it } from 'vitest';
import { checkDuration, durationProblem, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['0s', 0],
    ['30s', 30],
    ['10m', 600],
    ['2h', 7200],
    ['1d', 86_400],
    ['2w', 1_209_600],
    ['014d', 1_209_600],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '2', 'w', '2W', '2 w', ' 2w', '2w ', '-1m', '1.5h', '1y', '+5m', '1_0m', '2ww'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('durationProblem', () => {
  it.each([
    ['30', 'the unit is missing (s, m, h, d or w)'],
    ['10 m', 'there must be no space between the number and the unit'],
    ['30M', 'units are lower-case (s, m, h, d or w)'],
    ['-1m', 'it is negative'],
    ['1.5h', 'the number must be whole'],
    ['1y', '"y" is not a unit (s, m, h, d or w)'],
    [' 2w', 'it has surrounding spaces'],
    ['', 'it is empty'],
    ['soon', 'it is not a number followed by one unit'],
  ])('explains %j', (text, why) => {
    expect(durationProblem(text)).toBe(why);
  });

  it('has nothing to say about a valid duration', () => {
    expect(durationProblem('2w')).toBeUndefined();
  });
});

describe('checkDuration', () => {
  it('ignores absent, null and (schema-reported) non-string values unless asked', () => {
    expect(checkDuration({}, 'K')).toEqual([]);
    expect(checkDuration({ K: null }, 'K')).toEqual([]);
    expect(checkDuration({ K: 5 }, 'K')).toEqual([]);
    expect(checkDuration({ K: 5 }, 'K', { reportType: true }).map((f) => f.code)).toEqual(['duration-type']);
  });

  it('reports an invalid value on the key, as an error or (where Quay does not read it) a warning', () => {
    const [f] = checkDuration({ K: '10 m' }, 'K');
    expect(f).toMatchObject({ code: 'invalid-duration', fields: ['K'], severity: 'error', stage: 'config' });
    expect(f?.message).toContain('"10 m"');
    expect(checkDuration({ K: '10 m' }, 'K', { severity: 'warning', path: 'K[0]' })).toMatchObject([{ severity: 'warning', fields: ['K[0]'] }]);
    expect(checkDuration({ K: '10m' }, 'K')).toEqual([]);
  });
});
