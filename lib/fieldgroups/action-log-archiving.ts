import { defineFieldGroup } from './define';

export const actionLogArchiving = defineFieldGroup({
  id: 'ActionLogArchiving',
  title: 'Action log archiving',
  keys: [
    'FEATURE_ACTION_LOG_ROTATION',
    'ACTION_LOG_ARCHIVE_LOCATION',
    'ACTION_LOG_ARCHIVE_PATH',
    'ACTION_LOG_ROTATION_THRESHOLD',
  ],
  skipReason: () => null,
  rules: () => [],
});
