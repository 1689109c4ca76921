import { checkDuration } from '../config/duration';
import { has, str, truthy, type ConfigMap } from '../config/values';
import { warning } from '../validation/findings';
import type { Finding } from '../validation/types';
import { defineFieldGroup } from './define';

const KEYS = ['FEATURE_TEAM_SYNCING', 'FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP', 'TEAM_RESYNC_STALE_TIME'] as const;

/** Authentication types whose users backend can list group members (data/users/*.py `iterate_group_members`). */
const SYNCING_AUTH = ['LDAP', 'Keystone', 'OIDC'];

function syncing(c: ConfigMap): Finding[] {
  const on = truthy(c.FEATURE_TEAM_SYNCING);
  const findings: Finding[] = [];
  if (on) {
    const auth = str(c, 'AUTHENTICATION_TYPE') ?? 'Database';
    if (!SYNCING_AUTH.includes(auth)) {
      findings.push(warning(['FEATURE_TEAM_SYNCING', 'AUTHENTICATION_TYPE'], `FEATURE_TEAM_SYNCING is on but AUTHENTICATION_TYPE is ${auth}: teams can only be synchronised from LDAP, Keystone or OIDC groups`, {
        code: 'team-sync-unsupported-auth',
      }));
    }
  } else if (truthy(c.FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP)) {
    findings.push(warning('FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP', 'FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP has no effect while FEATURE_TEAM_SYNCING is off', {
      code: 'team-sync-setup-without-sync',
    }));
  }
  // config-tool failed the config over this value even with the feature off; Quay only reads it when on.
  findings.push(...checkDuration(c, 'TEAM_RESYNC_STALE_TIME', { severity: on ? 'error' : 'warning' }));
  return findings;
}

/**
 * Team synchronisation from the directory. Runs when FEATURE_TEAM_SYNCING is on or one of its other
 * keys is set (so a stray bad value is still pointed out), skipped otherwise.
 */
export const teamSyncing = defineFieldGroup({
  id: 'TeamSyncing',
  title: 'Team synchronisation',
  keys: KEYS,
  skipReason: ({ config }) => (KEYS.some((k) => has(config, k) && config[k] !== false) ? null : 'FEATURE_TEAM_SYNCING is off'),
  rules: ({ config }) => syncing(config),
});
