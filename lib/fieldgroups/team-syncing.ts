import { str, truthy, type ConfigMap } from '../config/values';
import { warning } from '../validation/findings';
import type { Finding } from '../validation/types';
import { defineFieldGroup } from './define';

/** Authentication types whose users backend can list group members (data/users/*.py `iterate_group_members`). */
const SYNCING_AUTH = ['LDAP', 'Keystone', 'OIDC'];

function syncing(c: ConfigMap): Finding[] {
  const auth = str(c, 'AUTHENTICATION_TYPE') ?? 'Database';
  if (SYNCING_AUTH.includes(auth)) return [];
  return [warning(['FEATURE_TEAM_SYNCING', 'AUTHENTICATION_TYPE'], `FEATURE_TEAM_SYNCING is on but AUTHENTICATION_TYPE is ${auth}: teams can only be synchronised from LDAP, Keystone or OIDC groups`, {
    code: 'team-sync-unsupported-auth',
  })];
}

/**
 * Team synchronisation from the directory. Skipped while FEATURE_TEAM_SYNCING is off: Quay then
 * does not read TEAM_RESYNC_STALE_TIME, so the pipeline reports a bad value there as a warning
 * (config-tool failed the whole config over it). When on, the schema's duration pattern is an error.
 */
export const teamSyncing = defineFieldGroup({
  id: 'TeamSyncing',
  title: 'Team synchronisation',
  keys: ['FEATURE_TEAM_SYNCING', 'FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP', 'TEAM_RESYNC_STALE_TIME'],
  skipReason: ({ config }) => (truthy(config.FEATURE_TEAM_SYNCING) ? null : 'FEATURE_TEAM_SYNCING is off'),
  rules: ({ config }) => syncing(config),
});
