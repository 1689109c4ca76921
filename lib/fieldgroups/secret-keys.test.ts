import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { secretKeys } from './secret-keys';

const LONG_A = 'a'.repeat(40);
const LONG_B = 'b'.repeat(40);
const run = (config: ConfigMap) => secretKeys.rules({ config, files: new Map(), now: new Date() }).map((f) => ({ code: f.code, fields: f.fields, severity: f.severity, stage: f.stage }));

describe('SecretKeys rules', () => {
  it.each<[string, ConfigMap, Array<{ code: string; fields: string[]; severity: string }>]>([
    ['both good', { SECRET_KEY: LONG_A, DATABASE_SECRET_KEY: LONG_B }, []],
    // Quay's app.py generates a missing SECRET_KEY at start, and stops without DATABASE_SECRET_KEY
    // only once SETUP_COMPLETE is true.
    [
      'both missing',
      {},
      [
        { code: 'secret-key-missing', fields: ['SECRET_KEY'], severity: 'warning' },
        { code: 'database-secret-key-missing', fields: ['DATABASE_SECRET_KEY'], severity: 'warning' },
      ],
    ],
    [
      'both missing with SETUP_COMPLETE',
      { SETUP_COMPLETE: true },
      [
        { code: 'secret-key-missing', fields: ['SECRET_KEY'], severity: 'warning' },
        { code: 'required', fields: ['DATABASE_SECRET_KEY'], severity: 'error' },
      ],
    ],
    ['blank counts as missing', { SECRET_KEY: '   ', DATABASE_SECRET_KEY: LONG_B }, [{ code: 'secret-key-missing', fields: ['SECRET_KEY'], severity: 'warning' }]],
    ['null counts as missing', { SECRET_KEY: LONG_A, DATABASE_SECRET_KEY: null, SETUP_COMPLETE: true }, [{ code: 'required', fields: ['DATABASE_SECRET_KEY'], severity: 'error' }]],
    ['short', { SECRET_KEY: 'short', DATABASE_SECRET_KEY: LONG_B }, [{ code: 'secret-key-short', fields: ['SECRET_KEY'], severity: 'warning' }]],
    ['equal', { SECRET_KEY: LONG_A, DATABASE_SECRET_KEY: LONG_A }, [{ code: 'secret-keys-equal', fields: ['DATABASE_SECRET_KEY', 'SECRET_KEY'], severity: 'warning' }]],
    ['wrong type is left to the Schema check', { SECRET_KEY: 12345, DATABASE_SECRET_KEY: LONG_B }, []],
  ])('%s', (_name, config, expected) => {
    expect(run(config)).toEqual(expected.map((e) => ({ ...e, stage: 'config' })));
  });

  it('under the operator, missing keys are its to generate: no finding', () => {
    const deployment = { managed: new Set(['quay'] as const) };
    expect(secretKeys.rules({ config: { SETUP_COMPLETE: true }, files: new Map(), now: new Date(), deployment })).toEqual([]);
  });

  it('never puts a key value in a message', () => {
    const all = secretKeys.rules({ config: { SECRET_KEY: 'tiny-secret', DATABASE_SECRET_KEY: 'tiny-secret' }, files: new Map(), now: new Date() });
    expect(all.length).toBe(3);
    for (const f of all) expect(`${f.message} ${f.hint ?? ''}`).not.toContain('tiny-secret');
  });
});
