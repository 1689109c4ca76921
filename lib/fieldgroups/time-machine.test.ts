import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import type { Finding } from '../report/types';
import { timeMachine } from './time-machine';

const ctx = (config: ConfigMap) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const rules = (config: ConfigMap) => timeMachine.rules(ctx(config)).map(({ code, fields, severity }: Finding) => ({ code, fields, severity }));
const NOT_IN = { code: 'default-not-in-options', fields: ['DEFAULT_TAG_EXPIRATION'], severity: 'error' };

describe('TimeMachine', () => {
  it('is never skipped', () => {
    expect(timeMachine.skipReason(ctx({}))).toBeNull();
  });

  it.each<[string, ConfigMap, unknown[]]>([
    ['Quay defaults (2w among 0s,1d,1w,2w,4w)', {}, []],
    ['a default among the default options', { DEFAULT_TAG_EXPIRATION: '4w' }, []],
    ['a default not among the default options', { DEFAULT_TAG_EXPIRATION: '3d' }, [NOT_IN]],
    ['the default default missing from explicit options', { TAG_EXPIRATION_OPTIONS: ['1d', '1w'] }, [NOT_IN]],
    ['an explicit default among explicit options', { DEFAULT_TAG_EXPIRATION: '1w', TAG_EXPIRATION_OPTIONS: ['1d', '1w'] }, []],
    ['the same time written differently (Quay compares strings)', { DEFAULT_TAG_EXPIRATION: '14d', TAG_EXPIRATION_OPTIONS: ['2w'] }, [NOT_IN]],
    ['an empty option list', { TAG_EXPIRATION_OPTIONS: [] }, [NOT_IN]],
    ['a duplicate option', { TAG_EXPIRATION_OPTIONS: ['1d', '2w', '1d'] }, [{ code: 'duplicate-option', fields: ['TAG_EXPIRATION_OPTIONS[2]'], severity: 'warning' }]],
    ['a non-string option (config-tool panicked; the schema reports it)', { TAG_EXPIRATION_OPTIONS: ['2w', 5, null, { a: 1 }] }, []],
    ['an invalid default (the schema pattern reports it; no cascade)', { DEFAULT_TAG_EXPIRATION: '2 weeks' }, []],
    ['options of the wrong type (the schema reports it; no cascade)', { TAG_EXPIRATION_OPTIONS: '2w' }, []],
  ])('%s', (_name, config, expected) => {
    expect(rules(config)).toEqual(expected);
  });

  it('keeps the legacy message and suggests the equal spelling', () => {
    const [f] = timeMachine.rules(ctx({ DEFAULT_TAG_EXPIRATION: '14d', TAG_EXPIRATION_OPTIONS: ['1d', '2w'] }));
    expect(f?.message).toMatch(/^The default tag expiration period must be included in the allowed expiration periods/);
    expect(f?.hint).toContain('"2w" is the same length of time');
  });
});
