/**
 * "Use the same Redis for user events": while it is on, USER_EVENTS_REDIS is BUILDLOGS_REDIS.
 * The form shows the build-logs values read-only in its place, and the config written (bundle,
 * draft, validation) takes them from BUILDLOGS_REDIS, so the two cannot drift apart.
 */
import type { ConfigObject } from './editor-types';

/** The key that follows, and the key it follows. */
export const REDIS_MIRROR = { key: 'USER_EVENTS_REDIS', source: 'BUILDLOGS_REDIS' } as const;

/** True when both Redis keys hold the same value (how the toggle starts for a loaded config). */
export function redisIsSame(config: ConfigObject): boolean {
  return JSON.stringify(config[REDIS_MIRROR.source]) === JSON.stringify(config[REDIS_MIRROR.key]);
}

/** The config with USER_EVENTS_REDIS copied from BUILDLOGS_REDIS when `same` is on. */
export function withSameRedis(config: ConfigObject, same: boolean): ConfigObject {
  if (!same) return config;
  const source = config[REDIS_MIRROR.source];
  // Replaced in place, so the key keeps its position in the written config.yaml.
  const out: ConfigObject = { ...config, [REDIS_MIRROR.key]: source === undefined ? undefined : structuredClone(source) };
  if (source === undefined) delete out[REDIS_MIRROR.key];
  return out;
}
