import { str, truthy, type ConfigMap } from '../config/values';
import { warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';

/** Authentication types whose users backend can list group members (data/users/*.py `iterate_group_members`). */
const SYNCING_AUTH = ['LDAP', 'Keystone', 'OIDC'];

/** Set, and not a duration config-tool accepts (a wrong type is refused by its constructor too). */
function badStaleTime(c: ConfigMap): boolean {
  const v = c.TEAM_RESYNC_STALE_TIME;
  if (v === undefined || v === null) return false;
  return typeof v !== 'string' || !DURATION.test(v);
}

function syncing(c: ConfigMap): Finding[] {
  const auth = str(c, 'AUTHENTICATION_TYPE') ?? 'Database';
  if (SYNCING_AUTH.includes(auth)) return [];
  return [
    warning(['FEATURE_TEAM_SYNCING', 'AUTHENTICATION_TYPE'], `FEATURE_TEAM_SYNCING is on but AUTHENTICATION_TYPE is ${auth}: teams can only be synchronised from LDAP, Keystone or OIDC groups`, {
      code: 'team-sync-unsupported-auth',
    }),
  ];
}

/** config-tool's shared.ValidateTimePattern. */
const DURATION = /^[0-9]+(w|m|d|h|s)$/;

/**
 * Team synchronisation from the directory. Skipped while FEATURE_TEAM_SYNCING is off, except when
 * TEAM_RESYNC_STALE_TIME is set to something that is not a duration: Quay's Python side does not read
 * it then, but the boot-time config-tool (conf/init/d_validate_config_bundle.sh) checks it whatever
 * the feature says and stops Quay (teamsyncing_validator.go, unchanged from config-tool 133437f to
 * quay/quay's copy @d89623fc0aeced4ce3a9bed726ea650d08976dfa; config-tool's own case BadSyncTime:
 * "10fff" with syncing off is invalid). Not skipped, the schema's duration pattern (or type) finding
 * on the key stays an error instead of being demoted to a warning.
 */
export const teamSyncing = defineFieldGroup({
  id: 'TeamSyncing',
  title: 'Team synchronisation',
  keys: ['FEATURE_TEAM_SYNCING', 'FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP', 'TEAM_RESYNC_STALE_TIME'],
  skipReason: ({ config }) => (truthy(config.FEATURE_TEAM_SYNCING) || badStaleTime(config) ? null : 'FEATURE_TEAM_SYNCING is off'),
  rules: ({ config }) => (truthy(config.FEATURE_TEAM_SYNCING) ? syncing(config) : []),
});
