import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { validateConfig } from '../validation/run';
import type { Finding } from '../report/types';
import { teamSyncing } from './team-syncing';

const ctx = (config: ConfigMap) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const rules = (config: ConfigMap) => teamSyncing.rules(ctx(config)).map(({ code, fields, severity }: Finding) => ({ code, fields, severity }));

describe('TeamSyncing', () => {
  it('is skipped while FEATURE_TEAM_SYNCING is off', () => {
    expect(teamSyncing.skipReason(ctx({}))).toBe('FEATURE_TEAM_SYNCING is off');
    expect(teamSyncing.skipReason(ctx({ FEATURE_TEAM_SYNCING: false, TEAM_RESYNC_STALE_TIME: '1h' }))).toBe('FEATURE_TEAM_SYNCING is off');
    expect(teamSyncing.skipReason(ctx({ FEATURE_TEAM_SYNCING: true }))).toBeNull();
  });

  it.each<[string, ConfigMap, unknown[]]>([
    ['with LDAP', { FEATURE_TEAM_SYNCING: true, AUTHENTICATION_TYPE: 'LDAP' }, []],
    ['with Keystone', { FEATURE_TEAM_SYNCING: true, AUTHENTICATION_TYPE: 'Keystone' }, []],
    ['with OIDC', { FEATURE_TEAM_SYNCING: true, AUTHENTICATION_TYPE: 'OIDC' }, []],
    ['with the database (default)', { FEATURE_TEAM_SYNCING: true }, [{ code: 'team-sync-unsupported-auth', fields: ['FEATURE_TEAM_SYNCING', 'AUTHENTICATION_TYPE'], severity: 'warning' }]],
    ['with JWT', { FEATURE_TEAM_SYNCING: true, AUTHENTICATION_TYPE: 'JWT' }, [{ code: 'team-sync-unsupported-auth', fields: ['FEATURE_TEAM_SYNCING', 'AUTHENTICATION_TYPE'], severity: 'warning' }]],
  ])('team syncing %s', (_name, config, expected) => {
    expect(rules(config)).toEqual(expected);
  });

  it('a bad TEAM_RESYNC_STALE_TIME fails the config even while syncing is off: the boot-time config-tool checks it always', async () => {
    const run = async (config: ConfigMap) => {
      const report = await validateConfig({ config, files: new Map() }, { mode: 'offline', groups: ['TeamSyncing'] });
      return report.groups.find((g) => g.group === 'TeamSyncing')?.findings.map((f) => ({ fields: f.fields, severity: f.severity })) ?? [];
    };
    expect(await run({ FEATURE_TEAM_SYNCING: true, AUTHENTICATION_TYPE: 'LDAP', TEAM_RESYNC_STALE_TIME: '30' })).toEqual([{ fields: ['TEAM_RESYNC_STALE_TIME'], severity: 'error' }]);
    expect(await run({ FEATURE_TEAM_SYNCING: false, TEAM_RESYNC_STALE_TIME: '30' })).toEqual([{ fields: ['TEAM_RESYNC_STALE_TIME'], severity: 'error' }]);
    expect(await run({ TEAM_RESYNC_STALE_TIME: '10fff' })).toEqual([{ fields: ['TEAM_RESYNC_STALE_TIME'], severity: 'error' }]);
    expect(await run({ TEAM_RESYNC_STALE_TIME: 30 })).toEqual([{ fields: ['TEAM_RESYNC_STALE_TIME'], severity: 'error' }]);
    // A good value with syncing off: nothing to say, and the group stays skipped.
    expect(await run({ TEAM_RESYNC_STALE_TIME: '10m' })).toEqual([]);
    expect(teamSyncing.skipReason(ctx({ TEAM_RESYNC_STALE_TIME: '10fff' }))).toBeNull();
    expect(teamSyncing.rules(ctx({ TEAM_RESYNC_STALE_TIME: '10fff' }))).toEqual([]);
  });
});
