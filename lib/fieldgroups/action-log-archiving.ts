import { flag, isObject } from '../config/values';
import { error, required, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';
import { unknownLocation } from './distributed-storage/cross-checks';

/** Quay's duration strings (util/timedeltastring.py): an integer and one of s, m, h, d, w. */
const DURATION = /^(\d+)([smhdw])$/;

/** Required non-empty string, or a finding; a value of another type is left to the Schema check. */
function requireText(config: Record<string, unknown>, key: string): Finding[] {
  const v = config[key];
  if (v === undefined || v === null) return [required(key, 'when FEATURE_ACTION_LOG_ROTATION is on')];
  if (typeof v === 'string' && v.trim() === '') return [error(key, `${key} is empty: it is required when FEATURE_ACTION_LOG_ROTATION is on`, { code: 'required' })];
  return [];
}

/**
 * Action log rotation (workers/logrotateworker.py): old logs are written to
 * ACTION_LOG_ARCHIVE_PATH in storage location ACTION_LOG_ARCHIVE_LOCATION after
 * ACTION_LOG_ROTATION_THRESHOLD (default 30d). config-tool left the threshold unchecked; a value
 * Quay cannot parse stops the worker.
 */
export const actionLogArchiving = defineFieldGroup({
  id: 'ActionLogArchiving',
  title: 'Action log archiving',
  keys: ['FEATURE_ACTION_LOG_ROTATION', 'ACTION_LOG_ARCHIVE_LOCATION', 'ACTION_LOG_ARCHIVE_PATH', 'ACTION_LOG_ROTATION_THRESHOLD'],
  skipReason: (ctx) => (flag(ctx.config, 'FEATURE_ACTION_LOG_ROTATION', false) ? null : 'FEATURE_ACTION_LOG_ROTATION is off'),
  rules(ctx) {
    const { config } = ctx;
    const findings = [...requireText(config, 'ACTION_LOG_ARCHIVE_PATH'), ...requireText(config, 'ACTION_LOG_ARCHIVE_LOCATION')];
    const location = config.ACTION_LOG_ARCHIVE_LOCATION;
    const storage = config.DISTRIBUTED_STORAGE_CONFIG;
    // No storage at all names no location either (config-tool: "DISTRIBUTED_STORAGE_CONFIG is required").
    // Under the operator a managed objectstorage component writes the storage config itself.
    const missingStorage = (storage === undefined || storage === null) && !ctx.deployment?.managed.has('objectstorage');
    if (typeof location === 'string' && location.trim() !== '' && (missingStorage || (isObject(storage) && !(location in storage)))) {
      findings.push(unknownLocation('ACTION_LOG_ARCHIVE_LOCATION', location, isObject(storage) ? Object.keys(storage) : []));
    }
    const threshold = config.ACTION_LOG_ROTATION_THRESHOLD;
    if (typeof threshold === 'string') {
      const m = threshold.trim().match(DURATION);
      if (!m) {
        findings.push(
          error('ACTION_LOG_ROTATION_THRESHOLD', `ACTION_LOG_ROTATION_THRESHOLD must be a duration such as 30d or 4w, got "${threshold}"`, {
            code: 'invalid-duration',
            hint: 'an integer followed by s, m, h, d or w',
          }),
        );
      } else if (Number(m[1]) === 0) {
        findings.push(warning('ACTION_LOG_ROTATION_THRESHOLD', 'ACTION_LOG_ROTATION_THRESHOLD is zero: every action log is archived and removed at once', { code: 'zero-threshold' }));
      }
    }
    return findings;
  },
});
