import { describe, expect, it } from 'vitest';
import { actionLogArchiving } from './action-log-archiving';

const ctx = (config: Record<string, unknown>) => ({ config, files: new Map(), now: new Date() });
const findings = (config: Record<string, unknown>) => actionLogArchiving.rules(ctx(config)).map((f) => ({ code: f.code, severity: f.severity, field: f.fields[0] }));
const e = (code: string, field: string) => ({ code, severity: 'error', field });
const base = {
  FEATURE_ACTION_LOG_ROTATION: true,
  ACTION_LOG_ARCHIVE_PATH: 'archives/actionlogs',
  ACTION_LOG_ARCHIVE_LOCATION: 'default',
  DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/d' }], s3_us: ['S3Storage', {}] },
};

describe('ActionLogArchiving', () => {
  it.each([
    [{}, 'FEATURE_ACTION_LOG_ROTATION is off'],
    [{ FEATURE_ACTION_LOG_ROTATION: false }, 'FEATURE_ACTION_LOG_ROTATION is off'],
    [{ FEATURE_ACTION_LOG_ROTATION: true }, null],
    [{ FEATURE_ACTION_LOG_ROTATION: 'false' }, null],
  ])('skip: %o → %s', (config, reason) => {
    expect(actionLogArchiving.skipReason(ctx(config))).toBe(reason);
  });

  it.each([
    ['complete', base, []],
    ['path and location missing', { FEATURE_ACTION_LOG_ROTATION: true }, [e('required', 'ACTION_LOG_ARCHIVE_PATH'), e('required', 'ACTION_LOG_ARCHIVE_LOCATION')]],
    ['path empty', { ...base, ACTION_LOG_ARCHIVE_PATH: ' ' }, [e('required', 'ACTION_LOG_ARCHIVE_PATH')]],
    ['location not configured', { ...base, ACTION_LOG_ARCHIVE_LOCATION: 's3-us' }, [e('unknown-location', 'ACTION_LOG_ARCHIVE_LOCATION')]],
    // config-tool's checkArchivePathNoDistConfig: the location names nothing when there is no storage.
    ['no storage config at all: the location names nothing', { ...base, DISTRIBUTED_STORAGE_CONFIG: undefined }, [e('unknown-location', 'ACTION_LOG_ARCHIVE_LOCATION')]],
    ['threshold 30d', { ...base, ACTION_LOG_ROTATION_THRESHOLD: '30d' }, []],
    ['threshold 4w', { ...base, ACTION_LOG_ROTATION_THRESHOLD: '4w' }, []],
    ['threshold without unit', { ...base, ACTION_LOG_ROTATION_THRESHOLD: '30' }, [e('invalid-duration', 'ACTION_LOG_ROTATION_THRESHOLD')]],
    ['threshold in months', { ...base, ACTION_LOG_ROTATION_THRESHOLD: '1mo' }, [e('invalid-duration', 'ACTION_LOG_ROTATION_THRESHOLD')]],
    ['threshold zero', { ...base, ACTION_LOG_ROTATION_THRESHOLD: '0d' }, [{ code: 'zero-threshold', severity: 'warning', field: 'ACTION_LOG_ROTATION_THRESHOLD' }]],
    ['threshold of the wrong type (Schema reports it)', { ...base, ACTION_LOG_ROTATION_THRESHOLD: 30 }, []],
  ])('%s', (_name, config, expected) => {
    expect(findings(config)).toEqual(expected);
  });

  it('suggests the location a typo meant', () => {
    const [f] = actionLogArchiving.rules(ctx({ ...base, ACTION_LOG_ARCHIVE_LOCATION: 's3-us' }));
    expect(f?.message).toContain('did you mean "s3_us"');
  });
});
