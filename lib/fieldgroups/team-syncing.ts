import { defineFieldGroup } from './define';

export const teamSyncing = defineFieldGroup({
  id: 'TeamSyncing',
  title: 'Team synchronisation',
  keys: [
    'FEATURE_TEAM_SYNCING',
    'FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP',
    'TEAM_RESYNC_STALE_TIME',
  ],
  skipReason: () => null,
  rules: () => [],
});
