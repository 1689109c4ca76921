import { defineFieldGroup } from './define';

export const timeMachine = defineFieldGroup({
  id: 'TimeMachine',
  title: 'Time machine',
  keys: [
    'DEFAULT_TAG_EXPIRATION',
    'FEATURE_CHANGE_TAG_EXPIRATION',
    'TAG_EXPIRATION_OPTIONS',
  ],
  skipReason: () => null,
  rules: () => [],
});
