import { defineFieldGroup } from './define';

export const redis = defineFieldGroup({
  id: 'Redis',
  title: 'Redis',
  keys: [
    'BUILDLOGS_REDIS',
    'USER_EVENTS_REDIS',
    'PULL_METRICS_REDIS',
  ],
  skipReason: () => null,
  rules: () => [],
});
