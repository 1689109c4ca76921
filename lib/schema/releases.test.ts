import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schema } from '../fieldgroups/schema';
import { atLeast, DEFAULT_RELEASE, keyPresence, parseRelease, QUAY_RELEASES, releaseDefault, releaseSource } from './releases';

const root = path.resolve(import.meta.dirname, '../..');
const schemaGroup = (config: Record<string, unknown>, release: string) => schema.rules({ config, files: new Map(), now: new Date(), release });

describe('Quay releases', () => {
  it('targets 3.4 … 3.19 and head, newest by default, each traced to a quay/quay commit', () => {
    expect(QUAY_RELEASES[0]).toBe('3.4');
    expect(QUAY_RELEASES.at(-1)).toBe('head');
    expect(QUAY_RELEASES).toHaveLength(17);
    expect(DEFAULT_RELEASE).toBe('3.19');
    expect(releaseSource('3.9')).toEqual({ ref: 'redhat-3.9', commit: 'e52b45b3578b34d4d97000339f254b3fa4c2e1df' });
  });

  it.each([
    ['3.9', '3.9'],
    ['3.9.2', '3.9'],
    ['v3.12', '3.12'],
    ['quay-3.15', '3.15'],
    ['3.10.0-rc1', '3.10'],
    ['head', 'head'],
    ['master', 'head'],
    ['3.3', null],
    ['4.0', null],
    ['latest', null],
  ])('reads %s as %s', (text, release) => {
    expect(parseRelease(text)).toBe(release);
  });

  it('orders releases numerically (3.10 after 3.9) with head newest', () => {
    expect(atLeast('3.10', '3.9')).toBe(true);
    expect(atLeast('3.9', '3.10')).toBe(false);
    expect(atLeast('head', '3.19')).toBe(true);
  });

  it('knows when keys appear and go', () => {
    // Clair v2 went away in 3.9 (quay/quay redhat-3.9 drops SECURITY_SCANNER_ENDPOINT from the schema and defaults).
    expect(keyPresence('SECURITY_SCANNER_ENDPOINT', '3.8')).toEqual({ state: 'known' });
    expect(keyPresence('SECURITY_SCANNER_ENDPOINT', '3.9')).toEqual({ state: 'removed', in: '3.9' });
    expect(keyPresence('PULL_METRICS_REDIS', '3.12')).toEqual({ state: 'added', in: '3.16' });
    expect(keyPresence('PULL_METRICS_REDIS', '3.16')).toEqual({ state: 'known' });
    expect(keyPresence('CORS_ORIGIN', '3.7')).toEqual({ state: 'added', in: '3.8' });
    // Listed only among the 3.15+ root entries, read by every release: no history to report.
    expect(keyPresence('SECRET_KEY', '3.4')).toEqual({ state: 'known' });
    expect(keyPresence('NOT_A_QUAY_KEY', '3.9')).toEqual({ state: 'unlisted' });
  });

  it('gives each release its own literal defaults', () => {
    expect(releaseDefault('FEATURE_SECURITY_SCANNER', '3.9')).toBe(false);
    expect(releaseDefault('PULL_METRICS_REDIS', '3.12')).toBeUndefined();
  });

  it('schema/releases.json is up to date with schema/upstream/releases/', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-releases.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});

describe('Schema group, per release', () => {
  it('says a Clair v2 key was removed in 3.9 when the target is 3.9, and nothing for 3.8', () => {
    const config = { SECURITY_SCANNER_ENDPOINT: 'http://clair:6060' };
    expect(schemaGroup(config, '3.8')).toEqual([]);
    expect(schemaGroup(config, '3.9')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'deprecated-key',
        message: expect.stringMatching(/no longer used by Quay 3\.9 \(removed in Quay 3\.9\).*SECURITY_SCANNER_V4_ENDPOINT/),
      }),
    ]);
  });

  it('says in which release a key newer than the target appears', () => {
    expect(schemaGroup({ PULL_METRICS_REDIS: { host: 'r' } }, '3.12')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'key-not-in-release', message: 'PULL_METRICS_REDIS is not read by Quay 3.12: it was added in Quay 3.16' }),
    ]);
    expect(schemaGroup({ PULL_METRICS_REDIS: { host: 'r' } }, '3.16')).toEqual([]);
  });

  it('tells that WORKER_COUNT_* belongs in the environment, not that it is misspelt', () => {
    const [finding, ...rest] = schemaGroup({ WORKER_COUNT_WEB: 4, WORKER_CONNECTION_COUNT_REGISTRY: 10 }, '3.19');
    expect(finding).toMatchObject({ code: 'environment-setting', severity: 'warning', hint: expect.stringContaining('environment variable') });
    expect(finding?.hint).not.toMatch(/spelling/);
    expect(rest).toEqual([expect.objectContaining({ code: 'environment-setting', fields: ['WORKER_CONNECTION_COUNT_REGISTRY'] })]);
  });

  it('suggests the key a near miss was meant to be', () => {
    expect(schemaGroup({ USER_EVENTS_REDIS_CONFIG: { host: 'r' } }, '3.19')).toEqual([
      expect.objectContaining({ code: 'unknown-key', message: 'USER_EVENTS_REDIS_CONFIG is not a Quay configuration key; did you mean USER_EVENTS_REDIS?' }),
    ]);
  });
});
